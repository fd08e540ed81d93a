namespace UpPerson.Onnx.Serialization;

/// <summary>
/// Encodes the top-level <c>ModelProto</c>: IR version, producer fields, the graph, the default
/// operator set import and the metadata properties.
/// </summary>
internal static class ModelEncoder
{
    public static void Encode(ProtoWriter writer, OnnxModel model)
    {
        OnnxModelInfo info = model.Info;

        writer.WriteInt64(ModelField.IrVersion, model.IrVersion);
        writer.WriteString(ModelField.ProducerName, info.ProducerName);
        WriteIfNotEmpty(writer, ModelField.ProducerVersion, info.ProducerVersion);
        WriteIfNotEmpty(writer, ModelField.Domain, info.Domain);
        if (info.ModelVersion != 0)
        {
            writer.WriteInt64(ModelField.ModelVersion, info.ModelVersion);
        }

        WriteIfNotEmpty(writer, ModelField.DocString, info.DocString);
        writer.WriteMessage(ModelField.Graph, model.Graph, GraphEncoder.Encode);
        writer.WriteMessage(ModelField.OpsetImport, (long)model.OpsetVersion, EncodeDefaultOpset);

        // Sorted so that the same model always serializes to the same bytes.
        foreach (KeyValuePair<string, string> entry in info.Metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            writer.WriteMessage(ModelField.MetadataProps, entry, EncodeStringStringEntry);
        }
    }

    private static void EncodeDefaultOpset(ProtoWriter writer, long version)
    {
        // The default "ai.onnx" domain is the empty string.
        writer.WriteString(OperatorSetIdField.Domain, "");
        writer.WriteInt64(OperatorSetIdField.Version, version);
    }

    private static void EncodeStringStringEntry(ProtoWriter writer, KeyValuePair<string, string> entry)
    {
        writer.WriteString(StringStringEntryField.Key, entry.Key);
        writer.WriteString(StringStringEntryField.Value, entry.Value);
    }

    private static void WriteIfNotEmpty(ProtoWriter writer, int fieldNumber, string value)
    {
        if (value.Length > 0)
        {
            writer.WriteString(fieldNumber, value);
        }
    }
}
