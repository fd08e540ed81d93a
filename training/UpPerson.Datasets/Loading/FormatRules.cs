namespace UpPerson.Datasets;

/// <summary>What differs between the annotation formats once records are read.</summary>
/// <param name="IdOffset">Subtracted from written ids so train ids start at 0 (CUHK-PEDES ids start at 1).</param>
/// <param name="AllowedSplits">Split values the format may use.</param>
/// <param name="ImageFolder">Folder beside the annotation file that relative image paths start from, or null for the file's own folder.</param>
/// <param name="RemapIds">True when ids are arbitrary labels renumbered per split in first-seen order.</param>
internal sealed record FormatRules(int IdOffset, IReadOnlyList<DatasetSplit> AllowedSplits, string? ImageFolder, bool RemapIds)
{
    public static FormatRules For(DatasetFormat format) => format switch
    {
        DatasetFormat.CuhkPedes => new(1, DatasetSplitNames.All, "imgs", RemapIds: false),
        DatasetFormat.IcfgPedes => new(0, [DatasetSplit.Train, DatasetSplit.Test], "imgs", RemapIds: false),
        DatasetFormat.RstpReid => new(0, DatasetSplitNames.All, "imgs", RemapIds: false),
        DatasetFormat.OwnFootage => new(0, DatasetSplitNames.All, null, RemapIds: true),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown dataset format."),
    };
}
