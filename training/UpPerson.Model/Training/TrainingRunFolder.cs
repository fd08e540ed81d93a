using System.Globalization;
using System.Text.Json;

namespace UpPerson.Model.Training;

/// <summary>
/// Layout of a run folder: <c>config.json</c>, the starting <c>base.safetensors</c>, one checkpoint
/// folder per epoch under <c>epochs/</c>, <c>metrics.jsonl</c>, <c>summary.json</c> and <c>curves/</c>.
/// </summary>
public sealed class TrainingRunFolder(string root)
{
    /// <summary>Written last into an epoch folder; an epoch folder without it is incomplete.</summary>
    public const string EpochStateFile = "state.json";

    public string Root { get; } = Path.GetFullPath(root);

    public string BasePath => Path.Combine(Root, Checkpoints.PetlCheckpoint.BaseFileName);

    public string MetricsPath => Path.Combine(Root, "metrics.jsonl");

    public string SummaryPath => Path.Combine(Root, "summary.json");

    public string CurvesDirectory => Path.Combine(Root, "curves");

    public string EpochsDirectory => Path.Combine(Root, "epochs");

    public string EpochDirectory(int epoch) => Path.Combine(EpochsDirectory, string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:000}"));

    public bool IsRun => File.Exists(Path.Combine(Root, TrainingRunConfig.FileName));

    /// <summary>The highest epoch whose checkpoint folder was completed, or null.</summary>
    public int? LatestCompleteEpoch()
    {
        if (!Directory.Exists(EpochsDirectory))
        {
            return null;
        }

        return Directory.EnumerateDirectories(EpochsDirectory, "epoch-*")
            .Where(directory => File.Exists(Path.Combine(directory, EpochStateFile)))
            .Select(directory => int.TryParse(Path.GetFileName(directory)["epoch-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) ? epoch : (int?)null)
            .Where(epoch => epoch is not null)
            .Max();
    }

    /// <summary>Metrics of epochs 1..<paramref name="throughEpoch"/>, from <c>metrics.jsonl</c>.</summary>
    public List<EpochMetrics> ReadMetrics(int throughEpoch)
    {
        if (!File.Exists(MetricsPath))
        {
            return [];
        }

        return File.ReadLines(MetricsPath)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<EpochMetrics>(line, JsonLines)!)
            .Where(metrics => metrics.Epoch <= throughEpoch)
            .ToList();
    }

    /// <summary>Rewrites <c>metrics.jsonl</c> with exactly these epochs (after a resume drops later lines).</summary>
    public void WriteMetrics(IEnumerable<EpochMetrics> metrics) =>
        File.WriteAllLines(MetricsPath, metrics.Select(entry => JsonSerializer.Serialize(entry, JsonLines)));

    public void AppendMetrics(EpochMetrics metrics) =>
        File.AppendAllText(MetricsPath, JsonSerializer.Serialize(metrics, JsonLines) + "\n");

    /// <summary>
    /// Finds the checkpoint to export or evaluate: an epoch folder as given, or for a run folder the
    /// epoch its summary selects.
    /// </summary>
    public static string ResolveCheckpoint(string path)
    {
        var folder = new TrainingRunFolder(path);
        if (!folder.IsRun)
        {
            return path;
        }

        if (!File.Exists(folder.SummaryPath))
        {
            throw new FileNotFoundException($"Run '{path}' has no summary.json yet: no epoch has finished. Give an epoch folder under '{folder.EpochsDirectory}'.", folder.SummaryPath);
        }

        var summary = JsonSerializer.Deserialize<TrainingSummary>(File.ReadAllText(folder.SummaryPath), TrainingSummary.JsonOptions)
            ?? throw new InvalidDataException($"'{folder.SummaryPath}' contains null.");
        return folder.EpochDirectory(summary.Selected.Epoch);
    }

    public static readonly JsonSerializerOptions JsonLines = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
