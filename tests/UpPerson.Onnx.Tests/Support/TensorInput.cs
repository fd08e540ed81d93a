using Microsoft.ML.OnnxRuntime;

namespace UpPerson.Onnx.Tests.Support;

/// <summary>
/// A named input tensor for an ONNX Runtime run.
/// </summary>
internal sealed record TensorInput(string Name, Array Data, long[] Shape)
{
    public static TensorInput Floats(string name, float[] data, params long[] shape) => new(name, data, shape);

    public static TensorInput Int64s(string name, long[] data, params long[] shape) => new(name, data, shape);

    public OrtValue ToOrtValue() => Data switch
    {
        float[] values => OrtValue.CreateTensorValueFromMemory(values, Shape),
        long[] values => OrtValue.CreateTensorValueFromMemory(values, Shape),
        _ => throw new NotSupportedException($"Test inputs of type {Data.GetType().Name} are not supported."),
    };
}
