using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

public sealed class NamingTests
{
    [Fact]
    public void Scope_Nested_PrefixesNodesAndInitializers()
    {
        var builder = new OnnxGraphBuilder("scoped");
        string x = builder.AddInput("pixel_values", OnnxElementType.Float, 2);
        string weight;
        string first;
        string second;
        using (builder.Scope("visual"))
        using (builder.Scope("blocks.3"))
        {
            Assert.Equal("visual.blocks.3", builder.CurrentScope);
            weight = builder.AddInitializer("weight", [1f, 2f], 2);
            first = builder.Mul(x, weight);
            second = builder.Mul(first, weight);
        }

        string root = builder.Mul(second, weight);
        builder.AddOutput(root, OnnxElementType.Float, 2);
        OnnxModel model = builder.Build(OrtRunner.TestInfo);

        Assert.Equal("pixel_values", x);
        Assert.Equal("visual.blocks.3.weight", weight);
        Assert.Equal("visual.blocks.3.Mul", first);
        Assert.Equal("visual.blocks.3.Mul_1", second);
        Assert.Equal("Mul", root);
        Assert.Equal(["visual.blocks.3.Mul", "visual.blocks.3.Mul_1", "Mul"], model.Graph.Nodes.Select(node => node.Name));
    }

    [Fact]
    public void Constant_SameValueTwice_SharesOneInitializer()
    {
        var builder = new OnnxGraphBuilder("constants");
        string shapeA = builder.Constant([0L, 0L, -1L]);
        string shapeB;
        using (builder.Scope("text"))
        {
            shapeB = builder.Constant([0L, 0L, -1L]);
        }

        string half = builder.Constant(0.5f);
        string halfAgain = builder.Constant(0.5f);
        string two = builder.Constant(2L);
        string twoFloat = builder.Constant(2f);

        Assert.Equal("const_i64[0,0,-1]", shapeA);
        Assert.Equal(shapeA, shapeB);
        Assert.Equal("const_f32(0.5)", half);
        Assert.Equal(half, halfAgain);
        Assert.Equal("const_i64(2)", two);
        Assert.Equal("const_f32(2)", twoFloat);
    }

    [Fact]
    public void AddNode_TwoOutputs_GeneratesIndexedNames()
    {
        // Opset 17 Split with no split sizes divides the axis equally between its outputs.
        var builder = new OnnxGraphBuilder("split");
        string x = builder.AddInput("x", OnnxElementType.Float, 4);
        IReadOnlyList<string> halves = builder.AddNode("Split", [x], outputCount: 2, OnnxAttribute.Int("axis", 0));
        builder.AddOutput(halves[0], OnnxElementType.Float, 2);
        builder.AddOutput(halves[1], OnnxElementType.Float, 2);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", [1, 2, 3, 4], 4));

        Assert.Equal(["Split:0", "Split:1"], halves);
        Assert.Equal([1f, 2f], outputs["Split:0"].Floats);
        Assert.Equal([3f, 4f], outputs["Split:1"].Floats);
    }

    [Fact]
    public void AddNode_ExplicitOutputNames_UsesScopedNames()
    {
        var builder = new OnnxGraphBuilder("explicit");
        string x = builder.AddInput("x", OnnxElementType.Float, 3);
        IReadOnlyList<string> outputs;
        using (builder.Scope("head"))
        {
            outputs = builder.AddNode("TopK", [x, builder.Constant([2L])], ["scores", "indices"], OnnxAttribute.Int("axis", 0));
        }

        builder.AddOutput(outputs[0], OnnxElementType.Float, 2);
        builder.AddOutput(outputs[1], OnnxElementType.Int64, 2);

        IReadOnlyDictionary<string, TensorOutput> results = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", [0.1f, 0.9f, 0.5f], 3));

        Assert.Equal(["head.scores", "head.indices"], outputs);
        Assert.Equal([0.9f, 0.5f], results["head.scores"].Floats);
        Assert.Equal([1L, 2L], results["head.indices"].Int64s);
    }

    [Fact]
    public void AddNode_EachAttributeKind_LoadsAndRuns()
    {
        // Constant accepts exactly one value attribute, so each kind gets its own node; Pad's mode is a string.
        var builder = new OnnxGraphBuilder("attributes");
        string fromFloat = builder.AddNode("Constant", [], OnnxAttribute.Float("value_float", 2.5f));
        string fromInts = builder.AddNode("Constant", [], OnnxAttribute.Ints("value_ints", 3, -4));
        string fromFloats = builder.AddNode("Constant", [], OnnxAttribute.Floats("value_floats", 0.25f, -1f));
        string fromInt = builder.AddNode("Constant", [], OnnxAttribute.Int("value_int", -7));
        string fromTensor = builder.AddNode("Constant", [], OnnxAttribute.Tensor("value", OnnxTensor.Create([1f, 2f, 3f, 4f], 2, 2)));
        string reflected = builder.AddNode("Pad", [fromFloats, builder.Constant([1L, 1L])], OnnxAttribute.String("mode", "reflect"));
        builder.AddOutput(fromFloat, OnnxElementType.Float);
        builder.AddOutput(fromInts, OnnxElementType.Int64, 2);
        builder.AddOutput(fromFloats, OnnxElementType.Float, 2);
        builder.AddOutput(fromInt, OnnxElementType.Int64);
        builder.AddOutput(fromTensor, OnnxElementType.Float, 2, 2);
        builder.AddOutput(reflected, OnnxElementType.Float, 4);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder);

        Assert.Equal([2.5f], outputs[fromFloat].Floats);
        Assert.Equal([3L, -4L], outputs[fromInts].Int64s);
        Assert.Equal([0.25f, -1f], outputs[fromFloats].Floats);
        Assert.Equal([-7L], outputs[fromInt].Int64s);
        Assert.Equal([2L, 2L], outputs[fromTensor].Shape);
        Assert.Equal([1f, 2f, 3f, 4f], outputs[fromTensor].Floats);
        Assert.Equal([-1f, 0.25f, -1f, 0.25f], outputs[reflected].Floats);
    }
}
