namespace UpPerson.Onnx.Serialization;

/// <summary>
/// Encodes <c>ValueInfoProto</c> with a tensor <c>TypeProto</c> and its <c>TensorShapeProto</c>.
/// </summary>
internal static class ValueInfoEncoder
{
    public static void Encode(ProtoWriter writer, OnnxValueInfo valueInfo)
    {
        writer.WriteString(ValueInfoField.Name, valueInfo.Name);
        writer.WriteMessage(ValueInfoField.Type, valueInfo, EncodeType);
    }

    private static void EncodeType(ProtoWriter writer, OnnxValueInfo valueInfo) =>
        writer.WriteMessage(TypeField.TensorType, valueInfo, EncodeTensorType);

    private static void EncodeTensorType(ProtoWriter writer, OnnxValueInfo valueInfo)
    {
        writer.WriteInt32(TensorTypeField.ElemType, (int)valueInfo.ElementType);

        // An empty shape message means rank 0, so it is written even for scalars.
        writer.WriteMessage(TensorTypeField.Shape, valueInfo.Shape, EncodeShape);
    }

    private static void EncodeShape(ProtoWriter writer, IReadOnlyList<OnnxDimension> shape)
    {
        foreach (OnnxDimension dimension in shape)
        {
            writer.WriteMessage(TensorShapeField.Dim, dimension, EncodeDimension);
        }
    }

    private static void EncodeDimension(ProtoWriter writer, OnnxDimension dimension)
    {
        // A dimension with neither field set is an unknown size.
        if (dimension.Size is long size)
        {
            writer.WriteInt64(DimensionField.DimValue, size);
        }
        else if (dimension.Symbol is string symbol)
        {
            writer.WriteString(DimensionField.DimParam, symbol);
        }
    }
}
