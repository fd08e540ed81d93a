using System.Text;

namespace UpPerson.Inference.Tests;

/// <summary>
/// Writes minimal ONNX models as raw protobuf, field numbers from onnx.proto (ONNX 1.x), so encoder
/// tests run a real ONNX Runtime session without a model exporter.
/// </summary>
internal static class TinyOnnxModels
{
    private const int FloatElementType = 1;
    private const int AttributeTypeInt = 2;
    private const int AttributeTypeInts = 7;

    /// <summary>
    /// An image encoder stand-in: ReduceMean over height and width (opset 13), so the embedding of an
    /// image is its three per-channel means, [batch, 3, H, W] → [batch, 3].
    /// </summary>
    /// <param name="fixedBatchSize">Static batch dimension, or null for a symbolic one.</param>
    public static byte[] ChannelMeanEncoder(string inputName, string outputName, int height, int width, long? fixedBatchSize = null) =>
        ChannelMeanEncoder(inputName, outputName, [fixedBatchSize, 3, height, width], [fixedBatchSize, 3]);

    /// <summary>The same graph with explicit signature shapes; null entries are symbolic dimensions.</summary>
    public static byte[] ChannelMeanEncoder(string inputName, string outputName, long?[] inputShape, long?[] outputShape)
    {
        var node = Message(writer =>
        {
            writer.String(1, inputName);
            writer.String(2, outputName);
            writer.String(3, "channel_mean");
            writer.String(4, "ReduceMean");
            writer.Message(5, attribute =>
            {
                attribute.String(1, "axes");
                attribute.Varint(8, 2);
                attribute.Varint(8, 3);
                attribute.Varint(20, AttributeTypeInts);
            });
            writer.Message(5, attribute =>
            {
                attribute.String(1, "keepdims");
                attribute.Varint(3, 0);
                attribute.Varint(20, AttributeTypeInt);
            });
        });

        var graph = Message(writer =>
        {
            writer.Bytes(1, node);
            writer.String(2, "tiny_image_encoder");
            writer.Bytes(11, TensorValueInfo(inputName, inputShape));
            writer.Bytes(12, TensorValueInfo(outputName, outputShape));
        });

        return Message(writer =>
        {
            writer.Varint(1, 8);
            writer.String(2, "UpPerson.Inference.Tests");
            writer.Bytes(7, graph);
            writer.Message(8, opset =>
            {
                opset.String(1, string.Empty);
                opset.Varint(2, 13);
            });
        });
    }

    /// <param name="dimensions">Static sizes; null entries become symbolic dimensions.</param>
    private static byte[] TensorValueInfo(string name, long?[] dimensions) => Message(valueInfo =>
    {
        valueInfo.String(1, name);
        valueInfo.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Varint(1, FloatElementType);
            tensor.Message(2, shape =>
            {
                for (var i = 0; i < dimensions.Length; i++)
                {
                    var size = dimensions[i];
                    shape.Message(1, dimension =>
                    {
                        if (size is { } value)
                        {
                            dimension.Varint(1, (ulong)value);
                        }
                        else
                        {
                            dimension.String(2, $"dim{i}");
                        }
                    });
                }
            });
        }));
    });

    private static byte[] Message(Action<ProtobufWriter> write)
    {
        var writer = new ProtobufWriter();
        write(writer);
        return writer.ToArray();
    }

    /// <summary>Protobuf wire format: varint (type 0) and length-delimited (type 2) fields only.</summary>
    private sealed class ProtobufWriter
    {
        private readonly MemoryStream _stream = new();

        public void Varint(int field, ulong value)
        {
            WriteRawVarint(((ulong)field << 3) | 0);
            WriteRawVarint(value);
        }

        public void Bytes(int field, byte[] value)
        {
            WriteRawVarint(((ulong)field << 3) | 2);
            WriteRawVarint((ulong)value.Length);
            _stream.Write(value);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Message(int field, Action<ProtobufWriter> write) => Bytes(field, TinyOnnxModels.Message(write));

        public byte[] ToArray() => _stream.ToArray();

        private void WriteRawVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _stream.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            _stream.WriteByte((byte)value);
        }
    }
}
