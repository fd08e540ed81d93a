namespace UpPerson.Onnx;

/// <summary>
/// Checks the structural rules ONNX Runtime enforces on load, so that mistakes surface with the
/// offending name before a file is written.
/// </summary>
internal static class OnnxGraphValidator
{
    public static void Validate(OnnxGraph graph)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);

        foreach (OnnxValueInfo input in graph.Inputs)
        {
            Define(defined, input.Name, "graph input", graph.Name);
        }

        foreach (OnnxInitializer initializer in graph.Initializers)
        {
            Define(defined, initializer.Name, "initializer", graph.Name);
        }

        // Nodes must be topologically sorted, so each input has to be defined by the time its node runs.
        var nodeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (OnnxNode node in graph.Nodes)
        {
            if (!nodeNames.Add(node.Name))
            {
                throw new InvalidOperationException($"Graph '{graph.Name}' has two nodes named '{node.Name}'. Node names must be unique.");
            }

            foreach (string input in node.Inputs)
            {
                if (input.Length > 0 && !defined.Contains(input))
                {
                    throw new InvalidOperationException(
                        $"Node '{node.Name}' ({node.OpType}) in graph '{graph.Name}' reads value '{input}', which is not a graph input, " +
                        "an initializer or the output of an earlier node. Add that value before this node, or fix the name.");
                }
            }

            foreach (string output in node.Outputs)
            {
                Define(defined, output, $"output of node '{node.Name}'", graph.Name);
            }
        }

        if (graph.Outputs.Count == 0)
        {
            throw new InvalidOperationException($"Graph '{graph.Name}' has no outputs. Declare at least one with AddOutput.");
        }

        foreach (OnnxValueInfo output in graph.Outputs)
        {
            if (!defined.Contains(output.Name))
            {
                throw new InvalidOperationException(
                    $"Graph output '{output.Name}' of graph '{graph.Name}' is not produced by any node and is not an input or initializer. " +
                    "Pass a name returned by a builder method to AddOutput.");
            }
        }
    }

    private static void Define(HashSet<string> defined, string name, string kind, string graphName)
    {
        if (!defined.Add(name))
        {
            throw new InvalidOperationException(
                $"Value '{name}' in graph '{graphName}' is defined twice (the second time as {kind}). Value names must be unique.");
        }
    }
}
