using System.Globalization;

namespace UpPerson.Evaluation;

/// <summary>
/// Ranking metrics over one query set, with the counts they were computed from. Percentages are in
/// [0, 100].
/// </summary>
/// <param name="Direction">Which modality queried.</param>
/// <param name="QueryCount">Number of queries evaluated.</param>
/// <param name="GalleryCount">Number of gallery items each query ranked.</param>
/// <param name="RelevantCount">Sum over queries of R, the number of gallery items sharing the query's person id.</param>
/// <param name="HitsAt1">Queries with a same-id gallery item at rank 1.</param>
/// <param name="HitsAt5">Queries with a same-id gallery item within the top 5.</param>
/// <param name="HitsAt10">Queries with a same-id gallery item within the top 10.</param>
/// <param name="MeanAveragePrecision">mAP × 100, where AP = (1/R) Σ_k match_k · precision@k over the whole ranking.</param>
/// <param name="MeanInversePositivePenalty">mINP × 100, where INP = R / (rank of the last same-id item).</param>
public sealed record RetrievalMetrics(
    RetrievalDirection Direction,
    int QueryCount,
    int GalleryCount,
    long RelevantCount,
    int HitsAt1,
    int HitsAt5,
    int HitsAt10,
    double MeanAveragePrecision,
    double MeanInversePositivePenalty)
{
    /// <summary>R@1: percentage of queries with a same-id gallery item at rank 1.</summary>
    public double RecallAt1 => Percent(HitsAt1);

    /// <summary>R@5: percentage of queries with a same-id gallery item within the top 5.</summary>
    public double RecallAt5 => Percent(HitsAt5);

    /// <summary>R@10: percentage of queries with a same-id gallery item within the top 10.</summary>
    public double RecallAt10 => Percent(HitsAt10);

    /// <summary>Formats the metrics as one log line, for example <c>R@1 63.15 R@5 81.30 R@10 88.20 mAP 47.17 mINP 25.28</c>.</summary>
    public string ToReportLine() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"R@1 {RecallAt1:F2} R@5 {RecallAt5:F2} R@10 {RecallAt10:F2} mAP {MeanAveragePrecision:F2} mINP {MeanInversePositivePenalty:F2}");

    private double Percent(int hits) => 100.0 * hits / QueryCount;
}
