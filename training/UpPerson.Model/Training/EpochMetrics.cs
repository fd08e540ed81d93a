using UpPerson.Evaluation;

namespace UpPerson.Model.Training;

/// <summary>One line of <c>metrics.jsonl</c>: the epoch's training loss and retrieval results.</summary>
public sealed record EpochMetrics
{
    public required int Epoch { get; init; }

    public required double LearningRate { get; init; }

    public required double TrainLoss { get; init; }

    public double? SdmLoss { get; init; }

    public double? ItcLoss { get; init; }

    public double? IdLoss { get; init; }

    public required int Steps { get; init; }

    public required double EpochSeconds { get; init; }

    public required double SamplesPerSecond { get; init; }

    public required double PeakMemoryMegabytes { get; init; }

    /// <summary>Text→image on the validation split, when the dataset has one.</summary>
    public RetrievalScores? Val { get; init; }

    /// <summary>Text→image on the test split.</summary>
    public RetrievalScores? Test { get; init; }

    /// <summary>Image→text on the test split, when asked for.</summary>
    public RetrievalScores? TestImageToText { get; init; }
}

/// <summary>The reported retrieval numbers, in percent.</summary>
public sealed record RetrievalScores(double R1, double R5, double R10, double Map, double Minp, int Queries, int Gallery)
{
    public static RetrievalScores From(RetrievalMetrics metrics) => new(
        metrics.RecallAt1,
        metrics.RecallAt5,
        metrics.RecallAt10,
        metrics.MeanAveragePrecision,
        metrics.MeanInversePositivePenalty,
        metrics.QueryCount,
        metrics.GalleryCount);

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"R@1 {R1:F2} R@5 {R5:F2} R@10 {R10:F2} mAP {Map:F2} mINP {Minp:F2}");
}
