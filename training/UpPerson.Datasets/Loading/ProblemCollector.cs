namespace UpPerson.Datasets;

/// <summary>Collects the problems of one annotation file so they can all be reported at once.</summary>
internal sealed class ProblemCollector
{
    private readonly List<DatasetProblem> _problems = [];
    private readonly bool _lineBased;

    public ProblemCollector(string filePath, bool lineBased)
    {
        FilePath = filePath;
        _lineBased = lineBased;
    }

    public string FilePath { get; }

    public bool HasErrors => _problems.Any(problem => problem.Severity == DatasetProblemSeverity.Error);

    public IReadOnlyList<DatasetProblem> Errors => _problems.Where(problem => problem.Severity == DatasetProblemSeverity.Error).ToList();

    public IReadOnlyList<DatasetProblem> Warnings => _problems.Where(problem => problem.Severity == DatasetProblemSeverity.Warning).ToList();

    /// <summary>Returns how people find a record: "record 5" in a JSON list, "line 6" in a JSON lines file.</summary>
    public string RecordLabel(int recordIndex) => _lineBased ? $"line {recordIndex + 1}" : $"record {recordIndex}";

    /// <summary>Adds an error located at one record; the message goes after "'file' record N: ".</summary>
    public void RecordError(DatasetProblemKind kind, int recordIndex, string message) =>
        Add(DatasetProblemSeverity.Error, kind, recordIndex, $"'{FilePath}' {RecordLabel(recordIndex)}: {message}");

    /// <summary>Adds a file-wide error; the message goes after "'file': ".</summary>
    public void FileError(DatasetProblemKind kind, string message, int? recordIndex = null) =>
        Add(DatasetProblemSeverity.Error, kind, recordIndex, $"'{FilePath}': {message}");

    /// <summary>Adds a file-wide warning; the message goes after "'file': ".</summary>
    public void FileWarning(DatasetProblemKind kind, string message, int? recordIndex = null) =>
        Add(DatasetProblemSeverity.Warning, kind, recordIndex, $"'{FilePath}': {message}");

    public void Add(DatasetProblem problem) => _problems.Add(problem);

    private void Add(DatasetProblemSeverity severity, DatasetProblemKind kind, int? recordIndex, string message) =>
        _problems.Add(new DatasetProblem(severity, kind, FilePath, recordIndex, message));
}
