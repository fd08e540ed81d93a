using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using UpPerson.Model.Configuration;

namespace UpPerson.Model.Checkpoints;

/// <summary>
/// <c>checkpoint.json</c>: the configuration a PETL checkpoint was built with and the base weights
/// its adapter tensors belong to.
/// </summary>
public sealed record CheckpointManifest
{
    public const string FileName = "checkpoint.json";

    public const int CurrentFormatVersion = 1;

    public required int FormatVersion { get; init; }

    public required string Preset { get; init; }

    public required ClipConfig Clip { get; init; }

    public required PetlConfig Petl { get; init; }

    public required double LearningRate { get; init; }

    public required BaseWeightsReference BaseWeights { get; init; }

    /// <summary>File holding only the PETL tensors, relative to the checkpoint folder.</summary>
    public required string AdapterFile { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    public required string Producer { get; init; }

    /// <summary>Training state written by the trainer (epoch, metrics); null after import.</summary>
    public JsonObject? Training { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = true,
    };
}

/// <summary>Where the frozen backbone of a checkpoint lives and what it must hash to.</summary>
/// <param name="File">Safetensors file, absolute or relative to the checkpoint folder.</param>
/// <param name="Sha256">Content hash of the tensors (<see cref="StateDictHash"/>).</param>
/// <param name="Source">Where the weights came from, for example an imported CLIP checkpoint.</param>
/// <param name="RandomInit">True when no pretrained weights were loaded.</param>
/// <param name="Seed">Seed of the random initialisation, when there was one.</param>
public sealed record BaseWeightsReference(string File, string Sha256, string Source, bool RandomInit, long? Seed = null);
