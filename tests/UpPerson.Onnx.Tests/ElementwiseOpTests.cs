using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

public sealed class ElementwiseOpTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("Add", new[] { 11f, 22f, 33f, 14f, 25f, 36f })]
    [InlineData("Sub", new[] { -9f, -18f, -27f, -6f, -15f, -24f })]
    [InlineData("Mul", new[] { 10f, 40f, 90f, 40f, 100f, 180f })]
    [InlineData("Div", new[] { 0.1f, 0.1f, 0.1f, 0.4f, 0.25f, 0.2f })]
    [InlineData("Max", new[] { 10f, 20f, 30f, 10f, 20f, 30f })]
    public void BinaryOp_RowBroadcast_MatchesHandValues(string op, float[] expected)
    {
        var builder = new OnnxGraphBuilder("binary");
        string a = builder.AddInput("a", OnnxElementType.Float, 2, 3);
        string b = builder.AddInitializer("b", [10f, 20f, 30f], 3);
        string result = op switch
        {
            "Add" => builder.Add(a, b),
            "Sub" => builder.Sub(a, b),
            "Mul" => builder.Mul(a, b),
            "Div" => builder.Div(a, b),
            "Max" => builder.Max(a, b),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown op in test data."),
        };
        builder.AddOutput(result, OnnxElementType.Float, 2, 3);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("a", [1, 2, 3, 4, 5, 6], 2, 3));

        Assert.Equal([2L, 3L], output.Shape);
        AssertTensor.Close(expected, output.Floats, Tolerance);
    }

    [Fact]
    public void MatMul_2x3By3x2_MatchesHandProduct()
    {
        var builder = new OnnxGraphBuilder("matmul");
        string a = builder.AddInput("a", OnnxElementType.Float, 2, 3);
        string b = builder.AddInitializer("b", [7f, 8f, 9f, 10f, 11f, 12f], 3, 2);
        builder.AddOutput(builder.MatMul(a, b), OnnxElementType.Float, 2, 2);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("a", [1, 2, 3, 4, 5, 6], 2, 3));

        // [1 2 3; 4 5 6] x [7 8; 9 10; 11 12] = [58 64; 139 154]
        Assert.Equal([2L, 2L], output.Shape);
        AssertTensor.Close([58f, 64f, 139f, 154f], output.Floats, Tolerance);
    }

    [Fact]
    public void UnaryOps_KnownPoints_MatchHandValues()
    {
        var builder = new OnnxGraphBuilder("unary");
        string x = builder.AddInput("x", OnnxElementType.Float, 3);
        builder.AddOutput(builder.Sigmoid(x), OnnxElementType.Float, 3);
        builder.AddOutput(builder.Relu(x), OnnxElementType.Float, 3);
        builder.AddOutput(builder.Sqrt(builder.Mul(x, x)), OnnxElementType.Float, 3);

        float ln3 = MathF.Log(3f);
        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", [0f, ln3, -ln3], 3));

        // sigmoid(ln 3) = 3 / 4 and sigmoid(-ln 3) = 1 / 4.
        AssertTensor.Close([0.5f, 0.75f, 0.25f], outputs["Sigmoid"].Floats, Tolerance);
        AssertTensor.Close([0f, ln3, 0f], outputs["Relu"].Floats, Tolerance);
        AssertTensor.Close([0f, ln3, ln3], outputs["Sqrt"].Floats, Tolerance);
    }

    [Fact]
    public void EqualAndWhere_Int64Match_SelectsPerElement()
    {
        var builder = new OnnxGraphBuilder("where");
        string ids = builder.AddInput("ids", OnnxElementType.Int64, 4);
        string isTwo = builder.Equal(ids, builder.Constant(2L));
        string a = builder.AddInitializer("a", [1f, 2f, 3f, 4f], 4);
        string b = builder.AddInitializer("b", [-1f, -2f, -3f, -4f], 4);
        builder.AddOutput(isTwo, OnnxElementType.Bool, 4);
        builder.AddOutput(builder.Where(isTwo, a, b), OnnxElementType.Float, 4);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Int64s("ids", [1, 2, 3, 2], 4));

        Assert.Equal([false, true, false, true], outputs[isTwo].Bools);
        AssertTensor.Close([-1f, 2f, -3f, 4f], outputs["Where"].Floats, 0);
    }

    [Fact]
    public void Cast_FloatToInt64_TruncatesTowardZero()
    {
        var builder = new OnnxGraphBuilder("cast");
        string x = builder.AddInput("x", OnnxElementType.Float, 4);
        string asInt = builder.Cast(x, OnnxElementType.Int64);
        builder.AddOutput(asInt, OnnxElementType.Int64, 4);
        builder.AddOutput(builder.Cast(asInt, OnnxElementType.Float), OnnxElementType.Float, 4);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", [1.7f, -2.7f, 3f, 0.2f], 4));

        Assert.Equal([1L, -2L, 3L, 0L], outputs[asInt].Int64s);
        AssertTensor.Close([1f, -2f, 3f, 0f], outputs["Cast_1"].Floats, 0);
    }

    [Fact]
    public void Identity_WithName_NamesGraphOutput()
    {
        var builder = new OnnxGraphBuilder("identity");
        string x = builder.AddInput("x", OnnxElementType.Float, 2);
        string named = builder.Identity(builder.Relu(x), "embeddings");
        builder.AddOutput(named, OnnxElementType.Float, 2);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", [-1f, 2f], 2));

        Assert.Equal("embeddings", named);
        AssertTensor.Close([0f, 2f], outputs["embeddings"].Floats, 0);
    }
}
