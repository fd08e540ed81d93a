namespace UpPerson.Inference;

/// <summary>Batching of <see cref="OnnxImageEncoder"/>.</summary>
public sealed record OnnxImageEncoderOptions
{
    /// <summary>Images per ONNX Runtime run; larger batches use more memory (3 × 384 × 128 floats, 590 KB, per image at the default size).</summary>
    public int MaxBatchSize { get; init; } = 32;
}
