using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

public sealed class Float16Tests
{
    private const int Rows = 2;
    private const int Inner = 4;
    private const int Columns = 3;

    [Fact]
    public void Float16Weights_CastToFloat_MatchFloat32()
    {
        // Weights in [-0.5, 0.5] lose at most 2^-13 each in float16, so 4 products with |x| <= 1
        // differ from float32 by at most 5e-4.
        float[] weight32 = Naive.RandomValues(Inner * Columns, seed: 41, scale: 0.5f);
        Half[] weight16 = weight32.Select(value => (Half)value).ToArray();
        float[] input = Naive.RandomValues(Rows * Inner, seed: 42);

        var builder = new OnnxGraphBuilder("float16");
        string x = builder.AddInput("x", OnnxElementType.Float, Rows, Inner);
        string full = builder.MatMul(x, builder.AddInitializer("weight_fp32", weight32, Inner, Columns));
        string half = builder.MatMul(x, builder.Cast(builder.AddInitializer("weight_fp16", weight16, Inner, Columns), OnnxElementType.Float));
        builder.AddOutput(full, OnnxElementType.Float, Rows, Columns);
        builder.AddOutput(half, OnnxElementType.Float, Rows, Columns);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", input, Rows, Inner));

        AssertTensor.Close(outputs[full].Floats, outputs[half].Floats, 1e-3);

        // The float16 bytes must decode to exactly the rounded weights, so the product matches them closely.
        float[] roundedWeights = weight16.Select(value => (float)value).ToArray();
        AssertTensor.Close(Naive.Linear(input, roundedWeights, null, Rows, Inner, Columns), outputs[half].Floats, 1e-6);
    }

    [Fact]
    public void Float16Constant_CastToFloat_GivesScalar()
    {
        var builder = new OnnxGraphBuilder("float16_constant");
        string x = builder.AddInput("x", OnnxElementType.Float);
        builder.AddOutput(builder.Add(x, builder.Cast(builder.Constant((Half)1.5f), OnnxElementType.Float)), OnnxElementType.Float);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("x", [2f]));

        Assert.Empty(output.Shape);
        AssertTensor.Close([3.5f], output.Floats, 0);
    }
}
