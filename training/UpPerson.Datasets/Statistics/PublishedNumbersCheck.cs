namespace UpPerson.Datasets;

/// <summary>
/// Compares loaded counts with the published ones and reports every differing number in one
/// warning, so a subset or a synthetic set in a published format gives one line, not a dozen.
/// </summary>
internal static class PublishedNumbersCheck
{
    public static IReadOnlyList<DatasetProblem> Compare(
        DatasetFormat format,
        DatasetStatistics statistics,
        PublishedDatasetNumbers? published,
        string filePath)
    {
        if (published is null)
        {
            return [];
        }

        var differences = new List<string>();
        foreach (var split in DatasetSplitNames.All)
        {
            if (published.PerSplit.TryGetValue(split, out var expected))
            {
                AddDifferences(differences, $"{split.ToName()} split", statistics.For(split), expected);
            }
        }

        AddDifferences(differences, "whole dataset", statistics.Total, published.Total);
        if (differences.Count == 0)
        {
            return [];
        }

        var message =
            $"'{filePath}': {format.DisplayName()} counts differ from the published ones ({published.Source}): {string.Join("; ", differences)}. "
            + "This is expected for a subset, a corrected copy or a synthetic set; otherwise check that the annotation file is complete.";
        return [new DatasetProblem(DatasetProblemSeverity.Warning, DatasetProblemKind.PublishedCountMismatch, filePath, null, message)];
    }

    private static void AddDifferences(List<string> differences, string scope, SplitCounts loaded, PublishedCounts expected)
    {
        var parts = new List<string>();
        AddIfDifferent(parts, "ids", loaded.Ids, expected.Ids);
        AddIfDifferent(parts, "images", loaded.Images, expected.Images);
        AddIfDifferent(parts, "captions", loaded.Captions, expected.Captions);
        if (parts.Count > 0)
        {
            differences.Add($"{scope} {string.Join(", ", parts)}");
        }
    }

    private static void AddIfDifferent(List<string> parts, string quantity, int loaded, int? published)
    {
        if (published is { } expected && loaded != expected)
        {
            parts.Add($"{loaded:N0} {quantity} ({expected:N0} published)");
        }
    }
}
