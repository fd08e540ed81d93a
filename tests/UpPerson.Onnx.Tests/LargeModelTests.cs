using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

public sealed class LargeModelTests
{
    private const int Inner = 1024;

    // 1024 x 76800 floats = 300 MiB of raw_data in one initializer.
    private const int Columns = 76_800;

    [Fact]
    public void Save_300MiBInitializer_LoadsAndRuns()
    {
        float[] weight = new float[Inner * Columns];
        for (int k = 0; k < Inner; k++)
        {
            for (int n = 0; n < Columns; n++)
            {
                weight[k * Columns + n] = WeightAt(k, n);
            }
        }

        float[] input = Enumerable.Range(0, Inner).Select(InputAt).ToArray();

        var builder = new OnnxGraphBuilder("large");
        string x = builder.AddInput("x", OnnxElementType.Float, 1, Inner);
        string w = builder.AddInitializer("weight", weight, Inner, Columns);
        builder.AddOutput(builder.MatMul(x, w), OnnxElementType.Float, 1, Columns);
        OnnxModel model = builder.Build(OrtRunner.TestInfo);

        using var folder = new TempFolder();
        string path = folder.PathOf("large.onnx");
        model.Save(path);

        long fileSize = new FileInfo(path).Length;
        Assert.Equal(model.ComputeSerializedSize(), fileSize);
        Assert.True(fileSize > 300L * 1024 * 1024, $"The model file is only {fileSize} bytes.");

        TensorOutput output = Assert.Single(OrtRunner.Run(path, TensorInput.Floats("x", input, 1, Inner))).Value;

        // Every product is a multiple of 1/32 and every partial sum stays below 2^10, so float
        // arithmetic is exact in any summation order and the expected values are exact too.
        var expected = new float[Columns];
        for (int k = 0; k < Inner; k++)
        {
            for (int n = 0; n < Columns; n++)
            {
                expected[n] += input[k] * weight[k * Columns + n];
            }
        }

        Assert.Equal([1L, Columns], output.Shape);
        AssertTensor.Close(expected, output.Floats, 0);
    }

    // A multiple of 1/8 in [-1, 1] that varies along both axes.
    private static float WeightAt(int k, int n) => ((k * 7 + n * 13) % 17 - 8) / 8f;

    // A multiple of 1/4 in [-0.5, 0.5].
    private static float InputAt(int k) => (k % 5 - 2) / 4f;
}
