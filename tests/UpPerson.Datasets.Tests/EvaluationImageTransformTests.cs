using OpenCvSharp;

namespace UpPerson.Datasets.Tests;

public sealed class EvaluationImageTransformTests
{
    // Single-precision results of a double computation agree to a few ulps of values below 3.
    private const double Tolerance = 1e-6;

    private static readonly double[] ClipMean = [0.48145466, 0.4578275, 0.40821073];
    private static readonly double[] ClipStd = [0.26862954, 0.26130258, 0.27577711];

    [Fact]
    public void Apply_InputSizedImage_EqualsHandComputedValues()
    {
        var transform = new EvaluationImageTransform(new ImageInputSpec(2, 3, ImageInputSpec.ClipMean, ImageInputSpec.ClipStd));
        using var image = new Mat(2, 3, MatType.CV_8UC3);
        var pixels = new Vec3b[2, 3]
        {
            { new(0, 0, 0), new(255, 255, 255), new(10, 20, 30) },
            { new(1, 128, 254), new(77, 3, 200), new(123, 117, 104) },
        };
        for (var y = 0; y < 2; y++)
        {
            for (var x = 0; x < 3; x++)
            {
                image.Set(y, x, pixels[y, x]);
            }
        }

        var tensor = new float[transform.TensorLength];
        transform.Apply(image, tensor);

        Assert.Equal(18, tensor.Length);
        for (var y = 0; y < 2; y++)
        {
            for (var x = 0; x < 3; x++)
            {
                byte[] rgb = [pixels[y, x].Item2, pixels[y, x].Item1, pixels[y, x].Item0];
                for (var channel = 0; channel < 3; channel++)
                {
                    var expected = ((rgb[channel] / 255.0) - ClipMean[channel]) / ClipStd[channel];
                    var actual = tensor[(channel * 6) + (y * 3) + x];
                    Assert.True(Math.Abs(actual - expected) <= Tolerance, $"channel {channel}, y {y}, x {x}: {actual} vs {expected}");
                }
            }
        }
    }

    [Fact]
    public void Apply_LargerSolidImage_ResizesAndNormalises()
    {
        var transform = new EvaluationImageTransform();
        using var image = new Mat(500, 200, MatType.CV_8UC3, new Scalar(40, 120, 200));

        var tensor = new float[transform.TensorLength];
        transform.Apply(image, tensor);

        // A bicubic resize of one colour keeps that colour, so every value is the normalised sample.
        Assert.Equal(3 * 384 * 128, tensor.Length);
        double[] expected = [((200 / 255.0) - ClipMean[0]) / ClipStd[0], ((120 / 255.0) - ClipMean[1]) / ClipStd[1], ((40 / 255.0) - ClipMean[2]) / ClipStd[2]];
        for (var channel = 0; channel < 3; channel++)
        {
            var plane = tensor.AsSpan(channel * 384 * 128, 384 * 128);
            foreach (var value in plane)
            {
                Assert.True(Math.Abs(value - expected[channel]) <= Tolerance, $"channel {channel}: {value} vs {expected[channel]}");
            }
        }
    }
}
