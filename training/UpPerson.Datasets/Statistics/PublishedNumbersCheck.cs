namespace UpPerson.Datasets;

/// <summary>Compares loaded counts with the published ones, one warning per differing number.</summary>
internal static class PublishedNumbersCheck
{
    public static IReadOnlyList<DatasetProblem> Compare(
        DatasetFormat format,
        DatasetStatistics statistics,
        PublishedDatasetNumbers? published,
        string filePath)
    {
        var warnings = new List<DatasetProblem>();
        if (published is null)
        {
            return warnings;
        }

        foreach (var split in DatasetSplitNames.All)
        {
            if (published.PerSplit.TryGetValue(split, out var expected))
            {
                AddDifferences(warnings, format, $"{split.ToName()} split", statistics.For(split), expected, published.Source, filePath);
            }
        }

        AddDifferences(warnings, format, "whole dataset", statistics.Total, published.Total, published.Source, filePath);
        return warnings;
    }

    private static void AddDifferences(
        List<DatasetProblem> warnings,
        DatasetFormat format,
        string scope,
        SplitCounts loaded,
        PublishedCounts expected,
        string source,
        string filePath)
    {
        AddIfDifferent(warnings, format, scope, "ids", loaded.Ids, expected.Ids, source, filePath);
        AddIfDifferent(warnings, format, scope, "images", loaded.Images, expected.Images, source, filePath);
        AddIfDifferent(warnings, format, scope, "captions", loaded.Captions, expected.Captions, source, filePath);
    }

    private static void AddIfDifferent(
        List<DatasetProblem> warnings,
        DatasetFormat format,
        string scope,
        string quantity,
        int loaded,
        int? published,
        string source,
        string filePath)
    {
        if (published is not { } expected || loaded == expected)
        {
            return;
        }

        var message =
            $"'{filePath}': {format.DisplayName()} {scope} has {loaded:N0} {quantity}, but {expected:N0} were published ({source}). "
            + "This is expected for a subset or a corrected copy; otherwise check that the annotation file is complete.";
        warnings.Add(new DatasetProblem(DatasetProblemSeverity.Warning, DatasetProblemKind.PublishedCountMismatch, filePath, null, message));
    }
}
