using System.Text.Json;

namespace UpPerson.Model.Training;

/// <summary>
/// <c>summary.json</c>: the epoch a run selects and the two other views the field reports, each
/// labelled, so numbers picked on the test set are never mistaken for a held-out result.
/// </summary>
/// <param name="SelectedBy">"val" when a validation split chose the epoch, otherwise "last".</param>
/// <param name="Selected">Epoch chosen without looking at the test split.</param>
/// <param name="Last">Final epoch.</param>
/// <param name="BestTest">Epoch with the best test R@1, as the authors select; optimistic.</param>
public sealed record TrainingSummary(string SelectedBy, EpochMetrics Selected, EpochMetrics Last, EpochMetrics? BestTest)
{
    public static readonly JsonSerializerOptions JsonOptions = new(TrainingRunFolder.JsonLines) { WriteIndented = true };

    public static TrainingSummary From(IReadOnlyList<EpochMetrics> history)
    {
        var last = history[^1];
        var withVal = history.Where(metrics => metrics.Val is not null).ToList();

        // Ties go to the earlier epoch: MaxBy keeps the first maximum.
        var selected = withVal.Count > 0 ? withVal.MaxBy(metrics => metrics.Val!.R1)! : last;
        var withTest = history.Where(metrics => metrics.Test is not null).ToList();
        var bestTest = withTest.Count > 0 ? withTest.MaxBy(metrics => metrics.Test!.R1) : null;
        return new TrainingSummary(withVal.Count > 0 ? "val" : "last", selected, last, bestTest);
    }

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
}
