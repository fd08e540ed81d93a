namespace UpPerson.Datasets;

/// <summary>Sizes published for a dataset, so a loaded copy can be checked for missing or extra data.</summary>
/// <param name="Source">Where the numbers were published, quoted in warnings.</param>
/// <param name="Total">Whole-dataset counts.</param>
/// <param name="PerSplit">Counts of each split that has published numbers.</param>
public sealed record PublishedDatasetNumbers(
    string Source,
    PublishedCounts Total,
    IReadOnlyDictionary<DatasetSplit, PublishedCounts> PerSplit)
{
    // Li et al., "Person Search with Natural Language Description", CVPR 2017: 40,206 images with
    // 80,440 captions of 13,003 persons, split 11,003 / 1,000 / 1,000 ids. Per-split image and caption
    // counts stay unchecked because no verified source for them was at hand.
    public static PublishedDatasetNumbers CuhkPedes { get; } = new(
        "CUHK-PEDES paper, Li et al. CVPR 2017",
        new PublishedCounts(13_003, 40_206, 80_440),
        new Dictionary<DatasetSplit, PublishedCounts>
        {
            [DatasetSplit.Train] = new(11_003, null, null),
            [DatasetSplit.Val] = new(1_000, null, null),
            [DatasetSplit.Test] = new(1_000, null, null),
        });

    // Ding et al., "Semantically Self-Aligned Network for Text-to-Image Part-aware Person
    // Re-identification", arXiv 2107.12666: 54,522 images of 4,102 persons with one caption each,
    // 3,102 train and 1,000 test ids, no val split. Looked up as restated in the dataset section of
    // the FMFA text-based person retrieval paper, which follows the splits of IRRA (CVPR 2023).
    public static PublishedDatasetNumbers IcfgPedes { get; } = new(
        "ICFG-PEDES paper, Ding et al. arXiv 2107.12666",
        new PublishedCounts(4_102, 54_522, 54_522),
        new Dictionary<DatasetSplit, PublishedCounts>
        {
            [DatasetSplit.Train] = new(3_102, null, null),
            [DatasetSplit.Val] = new(0, 0, 0),
            [DatasetSplit.Test] = new(1_000, null, null),
        });

    // README of github.com/NjtechCVLab/RSTPReid-Dataset (DSSL, ACM MM 2021): 20,505 images of 4,101
    // persons, 5 images per person, 2 captions per image, 3,701 / 200 / 200 ids. The per-split image
    // and caption counts follow from those rules.
    public static PublishedDatasetNumbers RstpReid { get; } = new(
        "RSTPReid dataset README, Zhu et al. ACM MM 2021",
        new PublishedCounts(4_101, 20_505, 41_010),
        new Dictionary<DatasetSplit, PublishedCounts>
        {
            [DatasetSplit.Train] = new(3_701, 18_505, 37_010),
            [DatasetSplit.Val] = new(200, 1_000, 2_000),
            [DatasetSplit.Test] = new(200, 1_000, 2_000),
        });

    /// <summary>Returns the published numbers of a public dataset, or null for own footage.</summary>
    public static PublishedDatasetNumbers? For(DatasetFormat format) => format switch
    {
        DatasetFormat.CuhkPedes => CuhkPedes,
        DatasetFormat.IcfgPedes => IcfgPedes,
        DatasetFormat.RstpReid => RstpReid,
        _ => null,
    };
}
