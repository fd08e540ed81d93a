namespace UpPerson.Inference;

/// <summary>How <see cref="OnnxSessionFactory"/> configures ONNX Runtime sessions.</summary>
public sealed record OnnxSessionFactoryOptions
{
    /// <summary>Skip the CUDA provider even where it would load.</summary>
    public bool ForceCpu { get; init; }

    /// <summary>CUDA device ordinal used when the CUDA provider loads.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Threads ONNX Runtime may use inside one operator; 0 leaves ONNX Runtime's default (one per physical core).</summary>
    public int IntraOpThreadCount { get; init; }
}
