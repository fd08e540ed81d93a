using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Objectives;

/// <summary>Shape checks and fp32 normalisation shared by the batch losses.</summary>
internal static class EmbeddingBatch
{
    /// <summary>Checks that image and text embeddings are matching [N, D] floating-point batches on one device.</summary>
    public static void ValidatePair(Tensor imageEmbeddings, Tensor textEmbeddings)
    {
        ArgumentNullException.ThrowIfNull(imageEmbeddings);
        ArgumentNullException.ThrowIfNull(textEmbeddings);
        ValidateEmbeddings(imageEmbeddings, "image", nameof(imageEmbeddings));
        ValidateEmbeddings(textEmbeddings, "text", nameof(textEmbeddings));

        if (!imageEmbeddings.shape.SequenceEqual(textEmbeddings.shape))
        {
            throw new ArgumentException(
                $"Image embeddings have shape {Shape(imageEmbeddings)} but text embeddings have {Shape(textEmbeddings)}. " +
                "Row i of both must be one matching image-caption pair, so the shapes must be equal.",
                nameof(textEmbeddings));
        }

        if (imageEmbeddings.device_type != textEmbeddings.device_type || imageEmbeddings.device_index != textEmbeddings.device_index)
        {
            throw new ArgumentException(
                $"Image embeddings are on {imageEmbeddings.device} but text embeddings are on {textEmbeddings.device}. " +
                "Move both to the same device.",
                nameof(textEmbeddings));
        }
    }

    /// <summary>Checks that <paramref name="personIds"/> is an int64 vector of <paramref name="batchSize"/> ids.</summary>
    public static void ValidatePersonIds(Tensor personIds, long batchSize)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        if (personIds.dim() != 1 || personIds.shape[0] != batchSize)
        {
            throw new ArgumentException(
                $"Person ids have shape {Shape(personIds)} but the batch has {batchSize} pairs. Pass one id per pair as a [{batchSize}] tensor.",
                nameof(personIds));
        }

        if (personIds.dtype != ScalarType.Int64)
        {
            throw new ArgumentException(
                $"Person ids have dtype {personIds.dtype}, but int64 is required. Convert them with .to(ScalarType.Int64).",
                nameof(personIds));
        }
    }

    /// <summary>Casts to fp32 and scales every row to unit L2 norm: [N, D] → [N, D].</summary>
    /// <remarks>fp16 or bf16 embeddings from a half-precision backbone lose too much in the τ = 0.02 logits otherwise.</remarks>
    public static Tensor NormalizeFp32(Tensor embeddings) =>
        nn.functional.normalize(embeddings.to_type(ScalarType.Float32), p: 2, dim: 1);

    public static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";

    private static void ValidateEmbeddings(Tensor embeddings, string kind, string parameterName)
    {
        if (embeddings.dim() != 2 || embeddings.shape[0] == 0 || embeddings.shape[1] == 0)
        {
            throw new ArgumentException(
                $"The {kind} embeddings have shape {Shape(embeddings)}, but a non-empty [batch, dimension] tensor is required.",
                parameterName);
        }

        if (!embeddings.is_floating_point())
        {
            throw new ArgumentException(
                $"The {kind} embeddings have dtype {embeddings.dtype}, but a floating-point type is required.",
                parameterName);
        }
    }
}
