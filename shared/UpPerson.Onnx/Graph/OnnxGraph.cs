namespace UpPerson.Onnx;

/// <summary>
/// A validated, immutable ONNX graph as produced by <see cref="OnnxGraphBuilder.Build"/>.
/// Nodes are in topological order.
/// </summary>
public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxInitializer> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs);

/// <summary>
/// One operator call. An empty string in <see cref="Inputs"/> marks an omitted optional input.
/// </summary>
public sealed record OnnxNode(
    string Name,
    string OpType,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes);

/// <summary>
/// Name, element type and shape of a graph input or output.
/// </summary>
public sealed record OnnxValueInfo(string Name, OnnxElementType ElementType, IReadOnlyList<OnnxDimension> Shape);

/// <summary>
/// A named constant tensor of the graph, such as a weight matrix.
/// </summary>
public sealed record OnnxInitializer(string Name, OnnxTensor Tensor);
