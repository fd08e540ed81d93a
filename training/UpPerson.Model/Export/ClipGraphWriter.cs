using TorchSharp;
using UpPerson.Model.Modules;
using UpPerson.Onnx;
using static TorchSharp.torch;

namespace UpPerson.Model.Export;

/// <summary>
/// Writes the layers of a <see cref="UpPersonClip"/> tower into an ONNX graph with the same
/// arithmetic as the TorchSharp forward pass: LoRA merged into the key and value weights, prefixes,
/// boost and adapters as graph nodes.
/// </summary>
internal sealed class ClipGraphWriter
{
    // The fp16 variant stores matrices of at least this many elements in float16. Smaller tensors
    // (biases, LayerNorm parameters, scalars) stay float32 because they cost little and are sensitive.
    private const long Fp16MinimumElements = 4096;

    private readonly ExportPrecision _precision;
    private readonly int _sequenceLength;

    /// <param name="sequenceLength">Token count L of the tower, which fixes the boost vector's length L + P.</param>
    public ClipGraphWriter(OnnxGraphBuilder graph, ExportPrecision precision, int sequenceLength)
    {
        Graph = graph;
        _precision = precision;
        _sequenceLength = sequenceLength;
    }

    public OnnxGraphBuilder Graph { get; }

    /// <summary>Adds a tensor as an initializer and returns the float32 value to compute with.</summary>
    public string Weight(string name, Tensor tensor, bool transpose = false)
    {
        using var scope = torch.NewDisposeScope();
        var source = tensor.detach().cpu().to(ScalarType.Float32);
        if (transpose)
        {
            source = source.t();
        }

        source = source.contiguous();
        var dims = source.shape.ToArray();
        var values = source.data<float>().ToArray();
        if (_precision == ExportPrecision.Fp16 && values.Length >= Fp16MinimumElements)
        {
            var halves = new Half[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                halves[i] = (Half)values[i];
            }

            return Graph.Cast(Graph.AddInitializer(name, halves, dims), OnnxElementType.Float);
        }

        return Graph.AddInitializer(name, values, dims);
    }

    /// <summary>x·Wᵀ + b for a [out, in] weight.</summary>
    public string Linear(string input, string name, Tensor weight, Tensor? bias)
    {
        var product = Graph.MatMul(input, Weight($"{name}.weight_t", weight, transpose: true));
        return bias is null ? product : Graph.Add(product, Weight($"{name}.bias", bias));
    }

    public string LayerNorm(string input, string name, TorchSharp.Modules.LayerNorm norm) =>
        Graph.LayerNormalization(
            input,
            Weight($"{name}.weight", norm.weight!),
            Weight($"{name}.bias", norm.bias!),
            epsilon: (float)ResidualAttentionBlock.LayerNormEpsilon);

    /// <summary>Writes every block of a tower; <paramref name="mask"/> is the [L, L + P] additive mask or null.</summary>
    public string Transformer(string input, Modules.Transformer transformer, int width, int heads, string? mask)
    {
        var x = input;
        for (var index = 0; index < transformer.Blocks.Count; index++)
        {
            using (Graph.Scope($"resblocks.{index}"))
            {
                x = Block(x, transformer.Blocks[index], width, heads, mask);
            }
        }

        return x;
    }

    private string Block(string x, ResidualAttentionBlock block, int width, int heads, string? mask)
    {
        var attentionInput = LayerNorm(x, "ln_1", block.Ln1);
        if (block.Adapter1 is not null)
        {
            attentionInput = Graph.Add(attentionInput, Adapter(x, "adapter_1", block.Adapter1));
        }

        string attention;
        using (Graph.Scope("attn"))
        {
            attention = Attention(attentionInput, block.Attention, width, heads, mask);
        }

        var afterAttention = Graph.Add(x, attention);

        var mlpInput = LayerNorm(afterAttention, "ln_2", block.Ln2);
        if (block.Adapter2 is not null)
        {
            mlpInput = Graph.Add(mlpInput, Adapter(afterAttention, "adapter_2", block.Adapter2));
        }

        string mlp;
        using (Graph.Scope("mlp"))
        {
            var hidden = Linear(mlpInput, "c_fc", block.Mlp.Fc.weight!, block.Mlp.Fc.bias);
            var gate = Graph.Sigmoid(Graph.Mul(hidden, Graph.Constant((float)QuickGelu.Slope)));
            mlp = Linear(Graph.Mul(hidden, gate), "c_proj", block.Mlp.Proj.weight!, block.Mlp.Proj.bias);
        }

        return Graph.Add(afterAttention, mlp);
    }

    private string Adapter(string x, string name, LAdapter adapter)
    {
        using var scope = Graph.Scope(name);
        var hidden = Graph.Relu(Linear(x, "down", adapter.Down.weight!, adapter.Down.bias));
        var output = Linear(hidden, "up", adapter.Up.weight!, adapter.Up.bias);
        return Graph.Mul(output, Weight("scale", adapter.Scale));
    }

    private string Attention(string input, PetlAttention attention, int width, int heads, string? mask)
    {
        var headDim = width / heads;

        // [batch, L, width] -> [batch, heads, L, headDim]
        string SplitHeads(string value) => Graph.Transpose(Graph.Reshape(value, 0, 0, heads, headDim), 0, 2, 1, 3);

        var q = SplitHeads(Linear(input, "q_proj", attention.QProj.weight!, attention.QProj.bias));
        string k, v;
        using (var merged = attention.KProj.MergedWeight())
        {
            k = SplitHeads(Linear(input, "k_proj", merged, attention.KProj.Bias));
        }

        using (var merged = attention.VProj.MergedWeight())
        {
            v = SplitHeads(Linear(input, "v_proj", merged, attention.VProj.Bias));
        }

        var prefix = attention.Prefix;
        if (prefix is not null)
        {
            using var scope = Graph.Scope("prefix");
            k = InsertPrefix(k, "keys", prefix.ScaledKeys(), heads, headDim, prefix.Length);
            v = InsertPrefix(v, "values", prefix.ScaledValues(), heads, headDim, prefix.Length);
        }

        var scores = Graph.Mul(Graph.MatMul(q, Graph.Transpose(k, 0, 1, 3, 2)), Graph.Constant((float)(1.0 / Math.Sqrt(headDim))));
        if (mask is not null)
        {
            scores = Graph.Add(scores, mask);
        }

        var weights = Graph.Softmax(scores, axis: -1);
        if (prefix is not null)
        {
            using var scope = Graph.Scope("prefix");
            using var boost = prefix.ColumnBoost(_sequenceLength + prefix.Length);
            weights = Graph.Mul(weights, Weight("column_boost", boost));
        }

        // [batch, heads, L, headDim] -> [batch, L, width]
        var context = Graph.Reshape(Graph.Transpose(Graph.MatMul(weights, v), 0, 2, 1, 3), 0, 0, width);
        return Linear(context, "out_proj", attention.OutProj.weight!, attention.OutProj.bias);
    }

    private string InsertPrefix(string sequence, string name, Tensor tokens, int heads, int headDim, int length)
    {
        // [P, width] -> [1, heads, P, headDim], expanded over the run-time batch.
        using var split = tokens.detach().view(length, heads, headDim).transpose(0, 1).unsqueeze(0).contiguous();
        var constant = Weight(name, split);
        var batch = Graph.Slice(Graph.Shape(sequence), [0], [1]);
        var expandShape = Graph.Concat([batch, Graph.Constant(new long[] { heads, length, headDim })], axis: 0);
        var expanded = Graph.Expand(constant, expandShape);

        var first = Graph.Slice(sequence, [0], [1], [2]);
        var rest = Graph.Slice(sequence, [1], [long.MaxValue], [2]);
        return Graph.Concat([first, expanded, rest], axis: 2);
    }
}
