namespace UpPerson.Datasets;

/// <summary>Size of one split, or of the whole dataset.</summary>
/// <param name="Ids">Distinct person ids.</param>
/// <param name="Images">Image records.</param>
/// <param name="Captions">Captions over all records.</param>
public sealed record SplitCounts(int Ids, int Images, int Captions)
{
    public static SplitCounts Empty { get; } = new(0, 0, 0);
}
