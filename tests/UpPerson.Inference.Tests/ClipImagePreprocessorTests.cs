using OpenCvSharp;
using UpPerson.Contracts;

namespace UpPerson.Inference.Tests;

public sealed class ClipImagePreprocessorTests
{
    // Single-precision results of a double computation agree to a few ulps of values below 3.
    private const double Tolerance = 1e-6;

    private static readonly double[] ClipMean = [0.48145466, 0.4578275, 0.40821073];
    private static readonly double[] ClipStd = [0.26862954, 0.26130258, 0.27577711];

    [Fact]
    public void Preprocess_InputSizedImage_WritesRgbPlanes()
    {
        var preprocessor = new ClipImagePreprocessor(Spec(height: 2, width: 3));
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

        var tensor = new float[preprocessor.TensorLength];
        preprocessor.Preprocess(image, tensor);

        Assert.Equal(18, tensor.Length);
        for (var y = 0; y < 2; y++)
        {
            for (var x = 0; x < 3; x++)
            {
                var pixel = pixels[y, x];
                byte[] rgb = [pixel.Item2, pixel.Item1, pixel.Item0];
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
    public void Preprocess_NonContinuousRegion_ReadsRegionPixels()
    {
        var preprocessor = new ClipImagePreprocessor(Spec(height: 2, width: 2));
        using var frame = new Mat(6, 6, MatType.CV_8UC3, new Scalar(0, 0, 0));
        using var region = new Mat(frame, new Rect(3, 2, 2, 2));
        region.SetTo(new Scalar(30, 60, 90));
        Assert.False(region.IsContinuous());

        var tensor = new float[preprocessor.TensorLength];
        preprocessor.Preprocess(region, tensor);

        double[] rgb = [90, 60, 30];
        for (var channel = 0; channel < 3; channel++)
        {
            var expected = ((rgb[channel] / 255.0) - ClipMean[channel]) / ClipStd[channel];
            for (var i = 0; i < 4; i++)
            {
                Assert.True(Math.Abs(tensor[(channel * 4) + i] - expected) <= Tolerance, $"channel {channel}, pixel {i}: {tensor[(channel * 4) + i]} vs {expected}");
            }
        }
    }

    [Fact]
    public void Preprocess_LargerImage_ResizesBicubicToInputSize()
    {
        var preprocessor = new ClipImagePreprocessor(Spec(height: 8, width: 4));
        using var image = new Mat(37, 21, MatType.CV_8UC3);
        Cv2.Randu(image, new Scalar(0, 0, 0), new Scalar(255, 255, 255));

        using var reference = new Mat();
        Cv2.Resize(image, reference, new Size(4, 8), 0, 0, InterpolationFlags.Cubic);
        using var linear = new Mat();
        Cv2.Resize(image, linear, new Size(4, 8), 0, 0, InterpolationFlags.Linear);
        Assert.NotEqual(0, Cv2.Norm(reference, linear, NormTypes.L1));

        var tensor = new float[preprocessor.TensorLength];
        preprocessor.Preprocess(image, tensor);

        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                var pixel = reference.Get<Vec3b>(y, x);
                byte[] rgb = [pixel.Item2, pixel.Item1, pixel.Item0];
                for (var channel = 0; channel < 3; channel++)
                {
                    var expected = ((rgb[channel] / 255.0) - ClipMean[channel]) / ClipStd[channel];
                    var actual = tensor[(channel * 32) + (y * 4) + x];
                    Assert.True(Math.Abs(actual - expected) <= Tolerance, $"channel {channel}, y {y}, x {x}: {actual} vs {expected}");
                }
            }
        }
    }

    [Fact]
    public void Preprocess_ClipMeanColour_NormalisesNearZero()
    {
        var preprocessor = new ClipImagePreprocessor(Spec(height: 384, width: 128));
        using var image = new Mat(50, 20, MatType.CV_8UC3, ToScalar(ImageDecoderOptions.ClipMeanBackgroundBgr));

        var tensor = new float[preprocessor.TensorLength];
        preprocessor.Preprocess(image, tensor);

        // Rounding the mean to 8 bits moves it by at most 0.5 / 255 / 0.26 = 0.0075.
        Assert.Equal(3 * 384 * 128, tensor.Length);
        Assert.All(tensor, value => Assert.InRange(value, -0.01f, 0.01f));
    }

    [Fact]
    public void Preprocess_BatchBuffer_FillsAdjacentSlices()
    {
        var preprocessor = new ClipImagePreprocessor(Spec(height: 2, width: 2));
        using var black = new Mat(2, 2, MatType.CV_8UC3, new Scalar(0, 0, 0));
        using var white = new Mat(2, 2, MatType.CV_8UC3, new Scalar(255, 255, 255));
        var batch = new float[(2 * preprocessor.TensorLength) + 1];
        batch[^1] = 42f;

        preprocessor.Preprocess(black, batch.AsSpan(0, preprocessor.TensorLength));
        preprocessor.Preprocess(white, batch.AsSpan(preprocessor.TensorLength));

        var blackRed = -ClipMean[0] / ClipStd[0];
        var whiteBlue = (1 - ClipMean[2]) / ClipStd[2];
        Assert.True(Math.Abs(batch[0] - blackRed) <= Tolerance, $"{batch[0]} vs {blackRed}");
        Assert.True(Math.Abs(batch[preprocessor.TensorLength + 11] - whiteBlue) <= Tolerance, $"{batch[preprocessor.TensorLength + 11]} vs {whiteBlue}");
        Assert.Equal(42f, batch[^1]);
    }

    [Fact]
    public void Preprocess_ShortDestination_Throws()
    {
        var preprocessor = new ClipImagePreprocessor(Spec(height: 2, width: 2));
        using var image = new Mat(2, 2, MatType.CV_8UC3, new Scalar(1, 2, 3));

        var error = Assert.Throws<ArgumentException>(() => preprocessor.Preprocess(image, new float[11]));

        Assert.Contains("room for 11 floats, but one image needs 12", error.Message);
    }

    [Fact]
    public void Preprocess_GrayImage_Throws()
    {
        var preprocessor = new ClipImagePreprocessor(Spec(height: 2, width: 2));
        using var gray = new Mat(2, 2, MatType.CV_8UC1, new Scalar(1));

        var error = Assert.Throws<ArgumentException>(() => preprocessor.Preprocess(gray, new float[12]));

        Assert.Contains("CV_8UC3", error.Message);
    }

    [Fact]
    public void Constructor_TwoMeanValues_Throws()
    {
        var spec = Spec(height: 2, width: 2) with { Mean = [0.5f, 0.5f] };

        var error = Assert.Throws<ArgumentException>(() => new ClipImagePreprocessor(spec));

        Assert.Contains("got 2 and 3", error.Message);
    }

    private static ImageEncoderSpec Spec(int height, int width) => new(
        height,
        width,
        [.. ClipMean.Select(value => (float)value)],
        [.. ClipStd.Select(value => (float)value)],
        "image_encoder.onnx",
        "pixel_values",
        "image_embeds");

    private static Scalar ToScalar(Vec3b bgr) => new(bgr.Item0, bgr.Item1, bgr.Item2);
}
