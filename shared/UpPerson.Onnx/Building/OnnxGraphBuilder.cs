namespace UpPerson.Onnx;

/// <summary>
/// Builds an ONNX graph node by node and writes it as a model file. Nodes must be added in
/// execution order, each after the values it reads. Every helper returns the name of the value
/// it produces, so calls chain like the layers of a forward pass.
/// </summary>
/// <remarks>
/// Names given to initializers and node outputs are prefixed with the open scopes (see
/// <see cref="Scope"/>) and must be unique. Graph input names are used as given. Node names and
/// generated output names come from the op type and get a numeric suffix when taken, for example
/// <c>visual.blocks.3.attn.MatMul_1</c>. The builder is not thread-safe.
/// </remarks>
public sealed partial class OnnxGraphBuilder
{
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly List<OnnxInitializer> _initializers = [];
    private readonly List<OnnxNode> _nodes = [];

    // Value name -> what defines it, for error messages.
    private readonly Dictionary<string, string> _valueOrigins = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    public OnnxGraphBuilder(string graphName, int opsetVersion = OnnxOpset.Default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        OnnxOpset.EnsureSupported(opsetVersion, nameof(opsetVersion));

        GraphName = graphName;
        OpsetVersion = opsetVersion;
    }

    public string GraphName { get; }

    /// <summary>Version of the default ("ai.onnx") operator set; the op helpers follow its definitions.</summary>
    public int OpsetVersion { get; }

    /// <summary>
    /// Adds a graph input and returns its name, which is used as given, without the scope prefix.
    /// </summary>
    public string AddInput(string name, OnnxElementType type, params OnnxDimension[] shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(shape);
        type.EnsureDefined(nameof(type));

        RegisterValue(name, "a graph input");
        _inputs.Add(new OnnxValueInfo(name, type, (OnnxDimension[])shape.Clone()));
        return name;
    }

    /// <summary>
    /// Declares an existing value (a node output, an initializer or an input) as a graph output.
    /// No shape means a scalar. <see cref="Build"/> checks that the value exists.
    /// </summary>
    public void AddOutput(string valueName, OnnxElementType type, params OnnxDimension[] shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(valueName);
        ArgumentNullException.ThrowIfNull(shape);
        type.EnsureDefined(nameof(type));

        if (_outputs.Any(output => output.Name == valueName))
        {
            throw new ArgumentException(
                $"Value '{valueName}' is already a graph output of '{GraphName}'. Declare each output once.",
                nameof(valueName));
        }

        _outputs.Add(new OnnxValueInfo(valueName, type, (OnnxDimension[])shape.Clone()));
    }

    /// <summary>
    /// Adds a node with one output and returns the output's generated name.
    /// </summary>
    /// <param name="inputs">Value names; an empty string marks an omitted optional input.</param>
    public string AddNode(string opType, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes) =>
        AddNode(opType, inputs, outputCount: 1, attributes)[0];

    /// <summary>
    /// Adds a node with <paramref name="outputCount"/> outputs and returns their generated names
    /// (<c>{node}:0</c>, <c>{node}:1</c>, ...; a single output is named like the node).
    /// </summary>
    public IReadOnlyList<string> AddNode(string opType, IReadOnlyList<string> inputs, int outputCount, params OnnxAttribute[] attributes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        CheckNodeArguments(opType, inputs, attributes);

        (string nodeName, string[] outputs) = ReserveGeneratedNames(opType, outputCount);
        foreach (string output in outputs)
        {
            RegisterValue(output, $"the output of node '{nodeName}' ({opType})");
        }

        _nodes.Add(new OnnxNode(nodeName, opType, inputs.ToArray(), outputs, (OnnxAttribute[])attributes.Clone()));
        return outputs;
    }

    /// <summary>
    /// Adds a node whose outputs get the given names, prefixed with the open scopes, and returns
    /// the full names.
    /// </summary>
    public IReadOnlyList<string> AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputNames, params OnnxAttribute[] attributes)
    {
        ArgumentNullException.ThrowIfNull(outputNames);
        if (outputNames.Count == 0)
        {
            throw new ArgumentException($"Node '{opType}' needs at least one output name.", nameof(outputNames));
        }

        CheckNodeArguments(opType, inputs, attributes);

        string[] outputs = outputNames.Select(QualifyName).ToArray();

        // Check every name before registering any, so a clash leaves the builder unchanged.
        string? clashingName = outputs.FirstOrDefault(_valueOrigins.ContainsKey)
            ?? outputs.GroupBy(output => output, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1)?.Key;
        if (clashingName is not null)
        {
            string origin = _valueOrigins.TryGetValue(clashingName, out string? existing) ? existing : "another output of this node";
            throw new ArgumentException(
                $"Graph '{GraphName}' already has a value named '{clashingName}' ({origin}); it cannot also be an output of a '{opType}' node. " +
                "Choose another name or open a different scope.",
                nameof(outputNames));
        }

        (string nodeName, _) = ReserveGeneratedNames(opType, outputCount: 0);
        foreach (string output in outputs)
        {
            RegisterValue(output, $"the output of node '{nodeName}' ({opType})");
        }

        _nodes.Add(new OnnxNode(nodeName, opType, inputs.ToArray(), outputs, (OnnxAttribute[])attributes.Clone()));
        return outputs;
    }

    /// <summary>
    /// Validates the graph and returns it as a model.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A node reads a value that is not a graph input, an initializer or the output of an earlier
    /// node. Also thrown when a graph output is never produced, a name is defined twice, or the
    /// graph has no outputs.
    /// </exception>
    public OnnxModel Build(OnnxModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.Validate();

        var graph = new OnnxGraph(GraphName, _nodes.ToArray(), _initializers.ToArray(), _inputs.ToArray(), _outputs.ToArray());
        OnnxGraphValidator.Validate(graph);
        return new OnnxModel(graph, OpsetVersion, info);
    }

    /// <summary>
    /// Validates the graph and writes it to <paramref name="path"/>; see <see cref="OnnxModel.Save"/>.
    /// </summary>
    public void Save(string path, OnnxModelInfo info) => Build(info).Save(path);

    private void CheckNodeArguments(string opType, IReadOnlyList<string> inputs, OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(attributes);

        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentException(
                    $"Input {i} of a '{opType}' node is null. Pass a value name, or an empty string for an omitted optional input.",
                    nameof(inputs));
            }
        }

        if (attributes.Any(attribute => attribute is null))
        {
            throw new ArgumentException($"A '{opType}' node was given a null attribute.", nameof(attributes));
        }
    }

    private void RegisterValue(string name, string origin)
    {
        if (!_valueOrigins.TryAdd(name, origin))
        {
            throw new ArgumentException(
                $"Graph '{GraphName}' already has a value named '{name}' ({_valueOrigins[name]}); it cannot also be {origin}. " +
                "Choose another name or open a different scope.");
        }
    }

    /// <summary>
    /// Picks a node name from the op type and the scope, unique among nodes, whose generated output
    /// names are unique among values.
    /// </summary>
    private (string NodeName, string[] Outputs) ReserveGeneratedNames(string opType, int outputCount)
    {
        string baseName = QualifyName(opType);
        int suffix = _nextSuffix.GetValueOrDefault(baseName);
        while (true)
        {
            string candidate = suffix == 0 ? baseName : $"{baseName}_{suffix}";
            suffix++;

            string[] outputs = outputCount == 1
                ? [candidate]
                : Enumerable.Range(0, outputCount).Select(index => $"{candidate}:{index}").ToArray();
            if (!_nodeNames.Contains(candidate) && !outputs.Any(_valueOrigins.ContainsKey))
            {
                _nextSuffix[baseName] = suffix;
                _nodeNames.Add(candidate);
                return (candidate, outputs);
            }
        }
    }
}
