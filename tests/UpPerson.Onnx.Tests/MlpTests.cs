using Microsoft.ML.OnnxRuntime;
using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

public sealed class MlpTests
{
    private const int InputWidth = 4;
    private const int HiddenWidth = 8;
    private const int OutputWidth = 3;
    private const double Tolerance = 1e-5;

    [Fact]
    public void Mlp_BatchesOneAndFive_MatchNaive()
    {
        float[] fc1Weight = Naive.RandomValues(InputWidth * HiddenWidth, seed: 1);
        float[] fc1Bias = Naive.RandomValues(HiddenWidth, seed: 2);
        float[] fc2Weight = Naive.RandomValues(HiddenWidth * OutputWidth, seed: 3);
        float[] fc2Bias = Naive.RandomValues(OutputWidth, seed: 4);

        var builder = new OnnxGraphBuilder("mlp");
        string x = builder.AddInput("x", OnnxElementType.Float, "batch", InputWidth);
        string y;
        using (builder.Scope("mlp"))
        {
            string hidden;
            using (builder.Scope("fc1"))
            {
                string weight = builder.AddInitializer("weight", fc1Weight, InputWidth, HiddenWidth);
                string bias = builder.AddInitializer("bias", fc1Bias, HiddenWidth);
                hidden = builder.Relu(builder.Add(builder.MatMul(x, weight), bias));
            }

            using (builder.Scope("fc2"))
            {
                string weight = builder.AddInitializer("weight", fc2Weight, HiddenWidth, OutputWidth);
                string bias = builder.AddInitializer("bias", fc2Bias, OutputWidth);
                y = builder.Add(builder.MatMul(hidden, weight), bias);
            }
        }

        builder.AddOutput(y, OnnxElementType.Float, "batch", OutputWidth);

        using var folder = new TempFolder();
        string path = folder.PathOf("mlp.onnx");
        builder.Save(path, OrtRunner.TestInfo);
        using var session = new InferenceSession(path);

        // One model file serves both batch sizes through the symbolic "batch" dim.
        foreach (int batch in new[] { 1, 5 })
        {
            float[] input = Naive.RandomValues(batch * InputWidth, seed: 10 + batch);
            float[] hidden = Naive.Relu(Naive.Linear(input, fc1Weight, fc1Bias, batch, InputWidth, HiddenWidth));
            float[] expected = Naive.Linear(hidden, fc2Weight, fc2Bias, batch, HiddenWidth, OutputWidth);

            TensorOutput output = Assert.Single(OrtRunner.Run(session, TensorInput.Floats("x", input, batch, InputWidth))).Value;

            Assert.Equal([batch, (long)OutputWidth], output.Shape);
            AssertTensor.Close(expected, output.Floats, Tolerance);
        }
    }
}
