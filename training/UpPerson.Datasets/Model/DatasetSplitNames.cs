namespace UpPerson.Datasets;

/// <summary>The spelling of <see cref="DatasetSplit"/> values in annotation files.</summary>
public static class DatasetSplitNames
{
    /// <summary>All splits in the order tables and reports list them.</summary>
    public static IReadOnlyList<DatasetSplit> All { get; } = [DatasetSplit.Train, DatasetSplit.Val, DatasetSplit.Test];

    /// <summary>Returns "train", "val" or "test".</summary>
    public static string ToName(this DatasetSplit split) => split switch
    {
        DatasetSplit.Train => "train",
        DatasetSplit.Val => "val",
        DatasetSplit.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown dataset split."),
    };

    /// <summary>Parses "train", "val" or "test", ignoring case; anything else returns false.</summary>
    public static bool TryParse(string? name, out DatasetSplit split)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(name, candidate.ToName(), StringComparison.OrdinalIgnoreCase))
            {
                split = candidate;
                return true;
            }
        }

        split = default;
        return false;
    }
}
