namespace UpPerson.Datasets;

/// <summary>
/// Reads ICFG-PEDES <c>ICFG-PEDES.json</c>. Its image folders (<c>imgs/train</c>, <c>imgs/test</c>)
/// keep the MSMT17 layout and do not match the split, so the <c>split</c> field alone decides it.
/// </summary>
internal static class IcfgPedesLoader
{
    private const string PathKey = "file_path";

    public static List<AnnotationEntry> Read(ReadOnlySpan<byte> utf8, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var records = JsonArrayRecords.Read(utf8, problems);
        if (records is null)
        {
            return [];
        }

        var rules = FormatRules.For(DatasetFormat.IcfgPedes);
        return PedesJsonReader.Read(records, PathKey, splitRequired: true, rules.AllowedSplits, problems, cancellationToken);
    }
}
