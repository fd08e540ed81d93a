namespace UpPerson.Datasets;

/// <summary>Reads RSTPReid <c>data_captions.json</c>: image names under the flat <c>imgs/</c> folder in <c>img_path</c>.</summary>
internal static class RstpReidLoader
{
    private const string PathKey = "img_path";

    public static List<AnnotationEntry> Read(ReadOnlySpan<byte> utf8, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var records = JsonArrayRecords.Read(utf8, problems);
        if (records is null)
        {
            return [];
        }

        var rules = FormatRules.For(DatasetFormat.RstpReid);
        return PedesJsonReader.Read(records, PathKey, splitRequired: true, rules.AllowedSplits, problems, cancellationToken);
    }
}
