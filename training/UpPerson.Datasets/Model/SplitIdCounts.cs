namespace UpPerson.Datasets;

/// <summary>How many distinct person ids each split takes when splits are assigned by sorted id.</summary>
public sealed record SplitIdCounts(int Train, int Val, int Test)
{
    /// <summary>The CUHK-PEDES split published with the dataset (Li et al., CVPR 2017): 11,003 / 1,000 / 1,000 of 13,003 ids.</summary>
    public static SplitIdCounts CuhkPedesPublished { get; } = new(11_003, 1_000, 1_000);

    public int Total => Train + Val + Test;
}
