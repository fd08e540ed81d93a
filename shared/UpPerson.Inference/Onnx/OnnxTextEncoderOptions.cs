namespace UpPerson.Inference;

/// <summary>Batching of <see cref="OnnxTextEncoder"/>.</summary>
public sealed record OnnxTextEncoderOptions
{
    /// <summary>Texts per ONNX Runtime run.</summary>
    public int MaxBatchSize { get; init; } = 64;
}
