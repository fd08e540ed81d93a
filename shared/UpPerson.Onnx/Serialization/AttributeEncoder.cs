namespace UpPerson.Onnx.Serialization;

/// <summary>
/// Encodes <c>AttributeProto</c>: the name, the type discriminator and the one value field that
/// matches it.
/// </summary>
internal static class AttributeEncoder
{
    public static void Encode(ProtoWriter writer, OnnxAttribute attribute)
    {
        writer.WriteString(AttributeField.Name, attribute.Name);

        switch (attribute.Type)
        {
            case OnnxAttributeType.Float:
                writer.WriteFloat(AttributeField.F, attribute.FloatValue);
                break;
            case OnnxAttributeType.Int:
                writer.WriteInt64(AttributeField.I, attribute.IntValue);
                break;
            case OnnxAttributeType.String:
                writer.WriteString(AttributeField.S, attribute.StringValue);
                break;
            case OnnxAttributeType.Tensor:
                writer.WriteMessage(AttributeField.T, attribute.TensorValue!, TensorEncoder.EncodeUnnamed);
                break;

            // The repeated scalar fields are not declared packed in onnx.proto, so each value
            // is written as its own field.
            case OnnxAttributeType.Floats:
                foreach (float value in attribute.FloatValues)
                {
                    writer.WriteFloat(AttributeField.Floats, value);
                }

                break;
            case OnnxAttributeType.Ints:
                foreach (long value in attribute.IntValues)
                {
                    writer.WriteInt64(AttributeField.Ints, value);
                }

                break;
            default:
                throw new NotSupportedException($"Attribute '{attribute.Name}' has unsupported type {attribute.Type}.");
        }

        writer.WriteInt32(AttributeField.Type, (int)attribute.Type);
    }
}
