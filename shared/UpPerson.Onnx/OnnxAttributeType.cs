namespace UpPerson.Onnx;

/// <summary>
/// Attribute value kind, numbered as <c>AttributeProto.AttributeType</c> in onnx.proto.
/// </summary>
public enum OnnxAttributeType
{
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Floats = 6,
    Ints = 7,
}
