namespace UpPerson.Datasets.Synthetic;

/// <summary>A contiguous block of 1-based identity ids that belong to one split.</summary>
/// <param name="Name">"train", "val" or "test", as the split field of reid_raw.json spells it.</param>
public sealed record IdentityRange(string Name, int FirstId, int Count)
{
    /// <summary>Last id of the block; FirstId − 1 when the block is empty.</summary>
    public int LastId => FirstId + Count - 1;

    public bool Contains(int id) => id >= FirstId && id <= LastId;
}

/// <summary>Divides identities into train, val and test blocks: ids 1..T train, then val, then test.</summary>
public sealed record IdentitySplit(IdentityRange Train, IdentityRange Val, IdentityRange Test)
{
    public IEnumerable<IdentityRange> All => [Train, Val, Test];

    /// <summary>
    /// Rounds the val and test fractions to identity counts, gives each split with a positive fraction
    /// at least one identity, and leaves the rest to train, which may then be empty. The validator
    /// rejects options for which it is.
    /// </summary>
    public static IdentitySplit Compute(int identities, double valFraction, double testFraction)
    {
        var val = SplitCount(identities, valFraction);
        var test = SplitCount(identities, testFraction);
        var train = identities - val - test;

        return new IdentitySplit(
            new IdentityRange("train", 1, train),
            new IdentityRange("val", 1 + train, val),
            new IdentityRange("test", 1 + train + val, test));
    }

    /// <summary>Returns the split name of an id.</summary>
    public string NameOf(int id) => All.First(range => range.Contains(id)).Name;

    private static int SplitCount(int identities, double fraction)
    {
        if (fraction <= 0)
        {
            return 0;
        }

        return Math.Max(1, (int)Math.Round(identities * fraction, MidpointRounding.AwayFromZero));
    }
}
