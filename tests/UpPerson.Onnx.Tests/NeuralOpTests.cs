using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

public sealed class NeuralOpTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Softmax_LastAxis_MatchesHandValues()
    {
        var builder = new OnnxGraphBuilder("softmax");
        string x = builder.AddInput("x", OnnxElementType.Float, 2, 3);
        builder.AddOutput(builder.Softmax(x), OnnxElementType.Float, 2, 3);

        // softmax(ln 1, ln 2, ln 3) = (1, 2, 3) / 6; a constant row gives 1/3 each.
        TensorOutput output = OrtRunner.SaveAndRunSingle(
            builder,
            TensorInput.Floats("x", [0f, MathF.Log(2f), MathF.Log(3f), 5f, 5f, 5f], 2, 3));

        AssertTensor.Close([1f / 6, 2f / 6, 3f / 6, 1f / 3, 1f / 3, 1f / 3], output.Floats, Tolerance);
    }

    [Fact]
    public void Softmax_FirstAxis_NormalizesColumns()
    {
        var builder = new OnnxGraphBuilder("softmax_axis0");
        string x = builder.AddInput("x", OnnxElementType.Float, 2, 2);
        builder.AddOutput(builder.Softmax(x, axis: 0), OnnxElementType.Float, 2, 2);

        // Column 0 is (0, ln 3), giving weights 1/4 and 3/4. Column 1 has equal values.
        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("x", [0f, 1f, MathF.Log(3f), 1f], 2, 2));

        AssertTensor.Close([0.25f, 0.5f, 0.75f, 0.5f], output.Floats, Tolerance);
    }

    [Fact]
    public void LayerNormalization_KnownRows_AppliesScaleAndBias()
    {
        var builder = new OnnxGraphBuilder("layer_norm");
        string x = builder.AddInput("x", OnnxElementType.Float, 2, 4);
        string scale = builder.AddInitializer("scale", [1f, 2f, 3f, 4f], 4);
        string bias = builder.AddInitializer("bias", [0.5f, 0f, 0f, -0.5f], 4);
        builder.AddOutput(builder.LayerNormalization(x, scale, bias, epsilon: 0f), OnnxElementType.Float, 2, 4);

        // Row 0 (1, 3, 1, 3) has mean 2, variance 1; row 1 (0, 0, 4, 4) has mean 2, variance 4.
        // Both normalize to +-1 before scale and bias.
        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("x", [1, 3, 1, 3, 0, 0, 4, 4], 2, 4));

        AssertTensor.Close([-0.5f, 2f, -3f, 3.5f, -0.5f, -2f, 3f, 3.5f], output.Floats, Tolerance);
    }

    [Fact]
    public void LayerNormalization_Opset13_ThrowsNotSupported()
    {
        var builder = new OnnxGraphBuilder("layer_norm_old", opsetVersion: 13);
        string x = builder.AddInput("x", OnnxElementType.Float, 4);

        var error = Assert.Throws<NotSupportedException>(() => builder.LayerNormalization(x, x, x));

        Assert.Contains("opset 17", error.Message);
    }

    [Fact]
    public void Conv_2x2KernelStride2_SumsPatches()
    {
        var builder = new OnnxGraphBuilder("conv");
        string x = builder.AddInput("x", OnnxElementType.Float, 1, 1, 4, 4);

        // Filter 0 sums each 2x2 patch; filter 1 takes top-left minus bottom-right, plus bias 10.
        string weight = builder.AddInitializer("weight", [1f, 1f, 1f, 1f, 1f, 0f, 0f, -1f], 2, 1, 2, 2);
        string bias = builder.AddInitializer("bias", [0f, 10f], 2);
        builder.AddOutput(builder.Conv(x, weight, bias, kernelShape: [2, 2], strides: [2, 2]), OnnxElementType.Float, 1, 2, 2, 2);

        float[] image = Enumerable.Range(0, 16).Select(value => (float)value).ToArray();
        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("x", image, 1, 1, 4, 4));

        // Patches: {0,1,4,5} = 10, {2,3,6,7} = 18, {8,9,12,13} = 42, {10,11,14,15} = 50.
        Assert.Equal([1L, 2L, 2L, 2L], output.Shape);
        AssertTensor.Close([10f, 18f, 42f, 50f, 5f, 5f, 5f, 5f], output.Floats, Tolerance);
    }

    [Fact]
    public void Conv_WithoutBias_OmitsBiasInput()
    {
        var builder = new OnnxGraphBuilder("conv_no_bias");
        string x = builder.AddInput("x", OnnxElementType.Float, 1, 1, 2, 2);
        string weight = builder.AddInitializer("weight", [1f, 2f, 3f, 4f], 1, 1, 2, 2);
        builder.AddOutput(builder.Conv(x, weight, bias: null, kernelShape: [2, 2], strides: [2, 2]), OnnxElementType.Float, 1, 1, 1, 1);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("x", [1, 1, 1, 1], 1, 1, 2, 2));

        AssertTensor.Close([10f], output.Floats, Tolerance);
    }

    [Fact]
    public void ArgMax_TiedMaximum_ReturnsFirstIndex()
    {
        var builder = new OnnxGraphBuilder("argmax");
        string x = builder.AddInput("x", OnnxElementType.Float, 2, 3);
        string flat = builder.ArgMax(x, axis: 1, keepDims: false);
        string keptDims = builder.ArgMax(x, axis: 1);
        builder.AddOutput(flat, OnnxElementType.Int64, 2);
        builder.AddOutput(keptDims, OnnxElementType.Int64, 2, 1);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", [1, 5, 2, 7, 7, 0], 2, 3));

        Assert.Equal([1L, 0L], outputs[flat].Int64s);
        Assert.Equal([2L], outputs[flat].Shape);
        Assert.Equal([2L, 1L], outputs[keptDims].Shape);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(21)]
    public void L2Normalize_Opset_MatchesHandValues(int opsetVersion)
    {
        // Opset 18 moved ReduceL2's axes from an attribute to an input; both forms must load.
        var builder = new OnnxGraphBuilder("l2", opsetVersion);
        string x = builder.AddInput("x", OnnxElementType.Float, 3, 2);
        string norm = builder.ReduceL2(x, [1], keepDims: false);
        string unit = builder.L2Normalize(x);
        builder.AddOutput(norm, OnnxElementType.Float, 3);
        builder.AddOutput(unit, OnnxElementType.Float, 3, 2);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", [3, 4, 6, 8, 0, 0], 3, 2));

        // A zero row stays zero because the norm is clamped to epsilon.
        AssertTensor.Close([5f, 10f, 0f], outputs[norm].Floats, Tolerance);
        AssertTensor.Close([0.6f, 0.8f, 0.6f, 0.8f, 0f, 0f], outputs[unit].Floats, Tolerance);
    }
}
