namespace UpPerson.Inference;

/// <summary>ONNX Runtime execution provider that sessions run on.</summary>
public enum OnnxExecutionProvider
{
    Cpu,
    Cuda,
}
