using System.Text.Json;
using UpPerson.Model.Configuration;
using UpPerson.Model.Objectives;

namespace UpPerson.Model.Training;

/// <summary>
/// <c>config.json</c> of a run: the options after presets and defaults were applied, so a resumed
/// run trains exactly as the first one did and readers can see what produced the weights.
/// </summary>
public sealed record TrainingRunConfig
{
    public const string FileName = "config.json";

    public const int CurrentFormatVersion = 1;

    public required int FormatVersion { get; init; }

    public required TrainingOptions Options { get; init; }

    public required string Preset { get; init; }

    public required ClipConfig Clip { get; init; }

    public required PetlConfig Petl { get; init; }

    public required double LearningRate { get; init; }

    public required LossConfig Losses { get; init; }

    /// <summary>Where the starting backbone came from and its content hash.</summary>
    public required string BaseSource { get; init; }

    public required string BaseSha256 { get; init; }

    public required long TrainableParameters { get; init; }

    public required long TotalParameters { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    public static TrainingRunConfig Read(string runDirectory)
    {
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{runDirectory}' is not a training run: {FileName} is missing. Give the --out folder of an earlier 'train'.", path);
        }

        var config = JsonSerializer.Deserialize<TrainingRunConfig>(File.ReadAllText(path), Checkpoints.CheckpointManifest.JsonOptions)
            ?? throw new InvalidDataException($"'{path}' contains null instead of a run configuration.");
        if (config.FormatVersion > CurrentFormatVersion)
        {
            throw new InvalidDataException($"'{path}' has format version {config.FormatVersion}; this tool reads up to {CurrentFormatVersion}. Update upperson-train.");
        }

        return config;
    }

    public void Write(string runDirectory) =>
        File.WriteAllText(Path.Combine(runDirectory, FileName), JsonSerializer.Serialize(this, Checkpoints.CheckpointManifest.JsonOptions));
}
