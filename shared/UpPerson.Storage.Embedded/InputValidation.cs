using System.Text.RegularExpressions;
using UpPerson.Contracts;

namespace UpPerson.Storage.Embedded;

/// <summary>Checks on sightings, model ids and vectors before they reach SQLite or USearch.</summary>
internal static partial class InputValidation
{
    /// <summary>Allowed deviation of an embedding's L2 norm from 1. Normalising in float32 lands within about 1e-6.</summary>
    public const double NormTolerance = 1e-3;

    public const int MaxDimensions = 65_536;

    // Model ids name a folder under collections/, so path separators and dot-only names are excluded.
    // NOTE: ids that differ only in letter case share one folder on case-insensitive file systems.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex ModelIdPattern();

    public static void ValidateModelId(string? modelId, string parameterName)
    {
        if (modelId is null || !ModelIdPattern().IsMatch(modelId))
        {
            throw new ArgumentException(
                $"Model id '{modelId}' is invalid: use 1 to 128 letters, digits, '.', '_' or '-', starting with a " +
                "letter or digit, as in the model bundle's model.json.",
                parameterName);
        }
    }

    /// <summary>Throws unless the vector is non-empty, finite and L2-normalised. <paramref name="subject"/> names it in messages.</summary>
    public static void ValidateUnitVector(float[]? vector, string subject, string parameterName)
    {
        if (vector is null || vector.Length == 0)
        {
            throw new ArgumentException($"{subject} is missing (null or length 0); pass the encoder's output.", parameterName);
        }

        if (vector.Length > MaxDimensions)
        {
            throw new ArgumentException(
                $"{subject} has {vector.Length} dimensions; the store accepts at most {MaxDimensions}.",
                parameterName);
        }

        for (var i = 0; i < vector.Length; i++)
        {
            if (!float.IsFinite(vector[i]))
            {
                throw new ArgumentException(
                    $"{subject} contains {vector[i]} at position {i}; check the encoder output for NaN or infinity.",
                    parameterName);
            }
        }

        var norm = CosineSimilarity.L2Norm(vector);
        if (Math.Abs(norm - 1) > NormTolerance)
        {
            throw new ArgumentException(
                $"{subject} has L2 norm {norm:G6}, expected 1 ± {NormTolerance}; divide it by its L2 norm before passing it.",
                parameterName);
        }
    }

    public static void ValidateSighting(Sighting? sighting, int position, string parameterName)
    {
        if (sighting is null)
        {
            throw new ArgumentException($"Sighting at position {position} of the batch is null.", parameterName);
        }

        if (string.IsNullOrWhiteSpace(sighting.Id))
        {
            throw new ArgumentException(
                $"Sighting at position {position} of the batch has an empty Id; create ids with SightingId.Create.",
                parameterName);
        }

        var id = sighting.Id;
        if (sighting.SchemaVersion < 1 || sighting.SchemaVersion > Sighting.CurrentSchemaVersion)
        {
            throw new ArgumentException(
                $"Sighting '{id}' has record schema version {sighting.SchemaVersion}, but this store reads versions 1 " +
                $"to {Sighting.CurrentSchemaVersion}. Upgrade UpPerson on the reading side.",
                parameterName);
        }

        if (string.IsNullOrWhiteSpace(sighting.CameraId))
        {
            throw new ArgumentException($"Sighting '{id}' has an empty CameraId; set the operator-assigned camera name.", parameterName);
        }

        if (sighting.FrameIndex < 0)
        {
            throw new ArgumentException($"Sighting '{id}' has FrameIndex {sighting.FrameIndex}; frame indexes start at 0.", parameterName);
        }

        if (!float.IsFinite(sighting.DetectionScore))
        {
            throw new ArgumentException(
                $"Sighting '{id}' has DetectionScore {sighting.DetectionScore}; pass the detector's finite confidence.",
                parameterName);
        }

        if (sighting.CropPath is null)
        {
            throw new ArgumentException($"Sighting '{id}' has a null CropPath; use an empty string when no crop was stored.", parameterName);
        }

        ValidateModelId(sighting.ModelId, parameterName);
        ValidateUnitVector(sighting.Embedding, $"Embedding of sighting '{id}'", parameterName);
    }
}
