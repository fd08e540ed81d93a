using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace UpPerson.Onnx.Tests.Support;

/// <summary>
/// An output tensor copied out of ONNX Runtime.
/// </summary>
internal sealed record TensorOutput(long[] Shape, Array Data)
{
    public float[] Floats => (float[])Data;

    public long[] Int64s => (long[])Data;

    public bool[] Bools => (bool[])Data;

    public static TensorOutput Copy(OrtValue value)
    {
        OrtTensorTypeAndShapeInfo info = value.GetTensorTypeAndShape();
        Array data = info.ElementDataType switch
        {
            TensorElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
            TensorElementType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
            TensorElementType.Bool => value.GetTensorDataAsSpan<bool>().ToArray(),
            _ => throw new NotSupportedException($"Test outputs of type {info.ElementDataType} are not supported."),
        };

        return new TensorOutput(info.Shape, data);
    }
}
