namespace UpPerson.Datasets;

/// <summary>One problem found while loading an annotation file.</summary>
/// <param name="Severity">Whether it stops loading.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="FilePath">Absolute path of the annotation file.</param>
/// <param name="RecordIndex">0-based record position (line number minus one for JSON lines), or null for file-wide problems.</param>
/// <param name="Message">Full sentence naming the file, the record, the value and the fix.</param>
public sealed record DatasetProblem(
    DatasetProblemSeverity Severity,
    DatasetProblemKind Kind,
    string FilePath,
    int? RecordIndex,
    string Message)
{
    public override string ToString() => $"{Severity}: {Message}";
}
