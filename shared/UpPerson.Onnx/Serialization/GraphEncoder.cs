namespace UpPerson.Onnx.Serialization;

/// <summary>
/// Encodes <c>GraphProto</c> and its <c>NodeProto</c> list.
/// </summary>
internal static class GraphEncoder
{
    public static void Encode(ProtoWriter writer, OnnxGraph graph)
    {
        foreach (OnnxNode node in graph.Nodes)
        {
            writer.WriteMessage(GraphField.Node, node, EncodeNode);
        }

        writer.WriteString(GraphField.Name, graph.Name);

        foreach (OnnxInitializer initializer in graph.Initializers)
        {
            writer.WriteMessage(GraphField.Initializer, initializer, TensorEncoder.EncodeInitializer);
        }

        foreach (OnnxValueInfo input in graph.Inputs)
        {
            writer.WriteMessage(GraphField.Input, input, ValueInfoEncoder.Encode);
        }

        foreach (OnnxValueInfo output in graph.Outputs)
        {
            writer.WriteMessage(GraphField.Output, output, ValueInfoEncoder.Encode);
        }
    }

    private static void EncodeNode(ProtoWriter writer, OnnxNode node)
    {
        foreach (string input in node.Inputs)
        {
            writer.WriteString(NodeField.Input, input);
        }

        foreach (string output in node.Outputs)
        {
            writer.WriteString(NodeField.Output, output);
        }

        writer.WriteString(NodeField.Name, node.Name);
        writer.WriteString(NodeField.OpType, node.OpType);

        foreach (OnnxAttribute attribute in node.Attributes)
        {
            writer.WriteMessage(NodeField.Attribute, attribute, AttributeEncoder.Encode);
        }
    }
}
