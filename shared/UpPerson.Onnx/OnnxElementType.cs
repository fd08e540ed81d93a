namespace UpPerson.Onnx;

/// <summary>
/// Tensor element type, numbered as <c>TensorProto.DataType</c> in onnx.proto.
/// </summary>
public enum OnnxElementType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
    Float16 = 10,
}

internal static class OnnxElementTypeExtensions
{
    public static int ByteSize(this OnnxElementType type) => type switch
    {
        OnnxElementType.Float => 4,
        OnnxElementType.Int32 => 4,
        OnnxElementType.Int64 => 8,
        OnnxElementType.Bool => 1,
        OnnxElementType.Float16 => 2,
        _ => throw new ArgumentOutOfRangeException(
            nameof(type),
            type,
            $"Element type {(int)type} is not supported. Use one of: {string.Join(", ", Enum.GetNames<OnnxElementType>())}."),
    };

    public static void EnsureDefined(this OnnxElementType type, string parameterName)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                type,
                $"Element type {(int)type} is not supported. Use one of: {string.Join(", ", Enum.GetNames<OnnxElementType>())}.");
        }
    }
}
