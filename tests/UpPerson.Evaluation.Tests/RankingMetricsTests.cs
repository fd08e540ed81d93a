using UpPerson.Evaluation;

namespace UpPerson.Evaluation.Tests;

/// <summary>
/// Single-query and small multi-query cases with expected values worked out by hand. The
/// fractions in the comments are exact, and the percentages are compared with a 1e-9 tolerance.
/// </summary>
public sealed class RankingMetricsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void TextToImage_OnlyMatchAtRankOne_PerfectScores()
    {
        // Gallery ids [1, 2, 3]; the only id-1 image scores highest: rank 1, R = 1.
        // AP = (1/1)·(1/1) = 1, INP = 1/1 = 1, every R@K hits.
        var metrics = Evaluate([[0.9f, 0.5f, 0.1f]], [1], [1, 2, 3]);

        Assert.Equal(100.0, metrics.RecallAt1, Tolerance);
        Assert.Equal(100.0, metrics.RecallAt5, Tolerance);
        Assert.Equal(100.0, metrics.RecallAt10, Tolerance);
        Assert.Equal(100.0, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(100.0, metrics.MeanInversePositivePenalty, Tolerance);
        Assert.Equal(1, metrics.RelevantCount);
    }

    [Fact]
    public void TextToImage_TieWithRelevantFirst_RelevantRanksFirst()
    {
        // Equal scores keep gallery order: the relevant image (index 0) ranks 1. AP = 1, INP = 1.
        var metrics = Evaluate([[0.5f, 0.5f]], [7], [7, 8]);

        Assert.Equal(1, metrics.HitsAt1);
        Assert.Equal(100.0, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(100.0, metrics.MeanInversePositivePenalty, Tolerance);
    }

    [Fact]
    public void TextToImage_TieWithRelevantSecond_RelevantRanksSecond()
    {
        // Equal scores keep gallery order: the irrelevant image (index 0) ranks 1, the relevant one 2.
        // AP = (1/1)·(1/2) = 1/2, INP = 1/2, R@1 misses, R@5 hits.
        var metrics = Evaluate([[0.5f, 0.5f]], [7], [8, 7]);

        Assert.Equal(0, metrics.HitsAt1);
        Assert.Equal(1, metrics.HitsAt5);
        Assert.Equal(50.0, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(50.0, metrics.MeanInversePositivePenalty, Tolerance);
    }

    [Fact]
    public void TextToImage_AllScoresEqual_RanksFollowGalleryIndex()
    {
        // Ids [2, 1, 2, 1], query id 1, all scores equal: ranking is the gallery order, so the
        // relevant images (indices 1 and 3) rank 2 and 4. AP = (1/2)·(1/2 + 2/4) = 1/2, INP = 2/4.
        var metrics = Evaluate([[0.3f, 0.3f, 0.3f, 0.3f]], [1], [2, 1, 2, 1]);

        Assert.Equal(0, metrics.HitsAt1);
        Assert.Equal(50.0, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(50.0, metrics.MeanInversePositivePenalty, Tolerance);
    }

    [Fact]
    public void TextToImage_PositiveAndNegativeZero_CountAsTie()
    {
        // −0 and +0 compare equal, so the tie rule puts the irrelevant index 0 first: rank 2.
        // A bitwise order (+0 > −0) would rank the relevant image first instead.
        var metrics = Evaluate([[-0f, 0f]], [1], [2, 1]);

        Assert.Equal(0, metrics.HitsAt1);
        Assert.Equal(50.0, metrics.MeanAveragePrecision, Tolerance);
    }

    [Fact]
    public void TextToImage_SeveralRelevant_AveragesAllHits()
    {
        // Ids [1, 2, 1, 3, 1], query id 1, R = 3. Order by score: idx3 (0.95, id 3), idx0 (0.9, hit),
        // idx1 (0.8, id 2), idx4 (0.5, hit), idx2 (0.1, hit): relevant ranks 2, 4, 5.
        // AP = (1/3)·(1/2 + 2/4 + 3/5) = 8/15, INP = 3/5.
        var metrics = Evaluate([[0.9f, 0.8f, 0.1f, 0.95f, 0.5f]], [1], [1, 2, 1, 3, 1]);

        Assert.Equal(0, metrics.HitsAt1);
        Assert.Equal(1, metrics.HitsAt5);
        Assert.Equal(3, metrics.RelevantCount);
        Assert.Equal(100.0 * 8 / 15, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(100.0 * 3 / 5, metrics.MeanInversePositivePenalty, Tolerance);
    }

    [Fact]
    public void TextToImage_RelevantAtLastRank_MissesRecallAtTen()
    {
        // Twelve images, scores descending with index, the only relevant one is index 11: rank 12.
        // AP = 1/12, INP = 1/12, R@1, R@5 and R@10 all miss.
        var scores = Enumerable.Range(0, 12).Select(index => 1f - index / 16f).ToArray();
        var galleryIds = Enumerable.Range(100, 12).Select(id => (long)id).ToArray();

        var metrics = Evaluate([scores], [111], galleryIds);

        Assert.Equal(0, metrics.HitsAt1);
        Assert.Equal(0, metrics.HitsAt5);
        Assert.Equal(0, metrics.HitsAt10);
        Assert.Equal(100.0 / 12, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(100.0 / 12, metrics.MeanInversePositivePenalty, Tolerance);
    }

    [Fact]
    public void TextToImage_ThreeQueries_MeansAndCounts()
    {
        // Gallery ids [1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9].
        // Query 0 (id 1): index 0 scores highest, rank 1: AP 1, INP 1.
        // Query 1 (id 3): order idx1 (id 2), idx3 (hit), idx2 (id 2), idx4 (hit), idx5 (hit), rest:
        //   relevant ranks 2, 4, 5: AP = (1/3)(1/2 + 2/4 + 3/5) = 8/15, INP = 3/5.
        // Query 2 (id 9): scores fall with index, the id-9 image (index 11) ranks 12: AP = INP = 1/12.
        // R@1 = 1/3, R@5 = R@10 = 2/3; mAP = (1 + 8/15 + 1/12)/3 = 97/180; mINP = (1 + 3/5 + 1/12)/3 = 101/180.
        float[] query0 = [0.9f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f];
        float[] query1 = [0.0f, 0.9f, 0.7f, 0.8f, 0.6f, 0.5f, 0.1f, 0.09f, 0.08f, 0.07f, 0.06f, 0.05f];
        var query2 = Enumerable.Range(0, 12).Select(index => 1f - index / 16f).ToArray();
        long[] galleryIds = [1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9];

        var metrics = Evaluate([query0, query1, query2], [1, 3, 9], galleryIds);

        Assert.Equal(3, metrics.QueryCount);
        Assert.Equal(12, metrics.GalleryCount);
        Assert.Equal(5, metrics.RelevantCount);
        Assert.Equal(1, metrics.HitsAt1);
        Assert.Equal(2, metrics.HitsAt5);
        Assert.Equal(2, metrics.HitsAt10);
        Assert.Equal(100.0 / 3, metrics.RecallAt1, Tolerance);
        Assert.Equal(200.0 / 3, metrics.RecallAt5, Tolerance);
        Assert.Equal(200.0 / 3, metrics.RecallAt10, Tolerance);
        Assert.Equal(100.0 * 97 / 180, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(100.0 * 101 / 180, metrics.MeanInversePositivePenalty, Tolerance);
    }

    [Fact]
    public void ImageToText_SameMatrix_SwapsQueryAndGallery()
    {
        // Rows are captions with ids [1, 1, 2], columns images with ids [1, 2].
        // Image 0 (id 1) ranks captions by column 0 [0.9, 0.2, 0.4]: c0 (hit), c2, c1 (hit): ranks 1, 3,
        //   AP = (1/2)(1/1 + 2/3) = 5/6, INP = 2/3.
        // Image 1 (id 2) ranks column 1 [0.1, 0.3, 0.8]: c2 (hit) first: AP = INP = 1.
        // R@1 = 2/2; mAP = (5/6 + 1)/2 = 11/12; mINP = (2/3 + 1)/2 = 5/6.
        var textByImage = SimilarityMatrix.FromRows([[0.9f, 0.1f], [0.2f, 0.3f], [0.4f, 0.8f]]);

        var metrics = RetrievalEvaluator.ImageToText(textByImage, [1, 1, 2], [1, 2]);

        Assert.Equal(RetrievalDirection.ImageToText, metrics.Direction);
        Assert.Equal(2, metrics.QueryCount);
        Assert.Equal(3, metrics.GalleryCount);
        Assert.Equal(3, metrics.RelevantCount);
        Assert.Equal(100.0, metrics.RecallAt1, Tolerance);
        Assert.Equal(100.0 * 11 / 12, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(100.0 * 5 / 6, metrics.MeanInversePositivePenalty, Tolerance);
    }

    [Fact]
    public void TextToImage_SmallMatrix_HandValues()
    {
        // Caption 0 (id 1) [0.9, 0.1]: image 0 first, AP 1. Caption 1 (id 1) [0.2, 0.3]: image 0
        // second, AP = INP = 1/2. Caption 2 (id 2) [0.4, 0.8]: image 1 first, AP 1.
        // R@1 = 2/3; mAP = mINP = (1 + 1/2 + 1)/3 = 5/6.
        var textByImage = SimilarityMatrix.FromRows([[0.9f, 0.1f], [0.2f, 0.3f], [0.4f, 0.8f]]);

        var metrics = RetrievalEvaluator.TextToImage(textByImage, [1, 1, 2], [1, 2]);

        Assert.Equal(RetrievalDirection.TextToImage, metrics.Direction);
        Assert.Equal(200.0 / 3, metrics.RecallAt1, Tolerance);
        Assert.Equal(100.0 * 5 / 6, metrics.MeanAveragePrecision, Tolerance);
        Assert.Equal(100.0 * 5 / 6, metrics.MeanInversePositivePenalty, Tolerance);
    }

    [Fact]
    public void ToReportLine_FormatsTwoDecimals()
    {
        var metrics = new RetrievalMetrics(RetrievalDirection.TextToImage, 3, 12, 5, 1, 2, 2, 100.0 * 97 / 180, 100.0 * 101 / 180);

        Assert.Equal("R@1 33.33 R@5 66.67 R@10 66.67 mAP 53.89 mINP 56.11", metrics.ToReportLine());
    }

    private static RetrievalMetrics Evaluate(float[][] rows, long[] queryIds, long[] galleryIds) =>
        RetrievalEvaluator.TextToImage(SimilarityMatrix.FromRows(rows), queryIds, galleryIds);
}
