namespace UpPerson.Onnx.Serialization;

/// <summary>
/// Encodes <c>TensorProto</c> with its data in <c>raw_data</c>.
/// </summary>
internal static class TensorEncoder
{
    public static void EncodeInitializer(ProtoWriter writer, OnnxInitializer initializer) =>
        Encode(writer, initializer.Tensor, initializer.Name);

    public static void EncodeUnnamed(ProtoWriter writer, OnnxTensor tensor) => Encode(writer, tensor, name: null);

    private static void Encode(ProtoWriter writer, OnnxTensor tensor, string? name)
    {
        // onnx.proto declares dims without [packed = true], so each dim is its own field.
        foreach (long dim in tensor.Dims)
        {
            writer.WriteInt64(TensorField.Dims, dim);
        }

        writer.WriteInt32(TensorField.DataType, (int)tensor.ElementType);
        if (name is not null)
        {
            writer.WriteString(TensorField.Name, name);
        }

        writer.WriteBytes(TensorField.RawData, tensor.ByteCount, stream => TensorRawData.Write(tensor, stream));
    }
}
