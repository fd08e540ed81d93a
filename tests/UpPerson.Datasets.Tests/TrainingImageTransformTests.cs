using OpenCvSharp;

namespace UpPerson.Datasets.Tests;

public sealed class TrainingImageTransformTests
{
    private const int Height = 24;
    private const int Width = 16;

    private static readonly ImageInputSpec SmallInput = new(Height, Width, ImageInputSpec.ClipMean, ImageInputSpec.ClipStd);

    [Fact]
    public void Apply_SameSeed_ReproducesOutputAndChoices()
    {
        var transform = new TrainingImageTransform(new TrainingImageTransformOptions { Input = SmallInput });
        using var image = TestImages.Gradient(30, 20);

        var (first, firstChoices) = Run(transform, image, seed: 42);
        var (second, secondChoices) = Run(transform, image, seed: 42);
        var (other, otherChoices) = Run(transform, image, seed: 43);

        Assert.Equal(first, second);
        Assert.Equal(firstChoices, secondChoices);
        Assert.NotEqual(first, other);
        Assert.NotEqual(firstChoices, otherChoices);
    }

    [Fact]
    public void Apply_FlipForced_MirrorsEvaluationOutput()
    {
        var transform = new TrainingImageTransform(Options(flipProbability: 1, padding: 0, erasingProbability: 0));
        var evaluation = new EvaluationImageTransform(SmallInput);
        using var image = TestImages.Gradient(Height, Width);
        var expected = new float[evaluation.TensorLength];
        evaluation.Apply(image, expected);

        var (actual, choices) = Run(transform, image, seed: 1);

        Assert.True(choices.Flipped);
        for (var channel = 0; channel < 3; channel++)
        {
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    Assert.Equal(expected[Index(channel, y, Width - 1 - x)], actual[Index(channel, y, x)]);
                }
            }
        }
    }

    [Fact]
    public void Apply_NoAugmentation_EqualsEvaluationOutput()
    {
        var transform = new TrainingImageTransform(Options(flipProbability: 0, padding: 0, erasingProbability: 0));
        var evaluation = new EvaluationImageTransform(SmallInput);
        using var image = TestImages.Gradient(40, 30);
        var expected = new float[evaluation.TensorLength];
        evaluation.Apply(image, expected);

        var (actual, choices) = Run(transform, image, seed: 7);

        Assert.Equal(new ImageAugmentation(false, 0, 0, null), choices);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Apply_PaddingAndCrop_KeepsSizeAndShiftsPixels()
    {
        var transform = new TrainingImageTransform(Options(flipProbability: 0, padding: 10, erasingProbability: 0));
        var evaluation = new EvaluationImageTransform(SmallInput);
        using var image = TestImages.Gradient(Height, Width);
        var original = new float[evaluation.TensorLength];
        evaluation.Apply(image, original);

        for (var seed = 0; seed < 20; seed++)
        {
            var (actual, choices) = Run(transform, image, seed);

            Assert.Equal(3 * Height * Width, actual.Length);
            Assert.InRange(choices.CropTop, 0, 20);
            Assert.InRange(choices.CropLeft, 0, 20);
            for (var channel = 0; channel < 3; channel++)
            {
                // A zero padding pixel normalises to (0 - mean) / std.
                var paddingValue = (float)((0 - ImageInputSpec.ClipMean[channel]) / (double)ImageInputSpec.ClipStd[channel]);
                for (var y = 0; y < Height; y++)
                {
                    for (var x = 0; x < Width; x++)
                    {
                        var sourceY = y + choices.CropTop - 10;
                        var sourceX = x + choices.CropLeft - 10;
                        var inside = sourceY >= 0 && sourceY < Height && sourceX >= 0 && sourceX < Width;
                        var expected = inside ? original[Index(channel, sourceY, sourceX)] : paddingValue;
                        Assert.True(Math.Abs(expected - actual[Index(channel, y, x)]) <= 1e-6,
                            $"seed {seed}, channel {channel}, y {y}, x {x}: {actual[Index(channel, y, x)]} vs {expected}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Apply_ErasingForced_FillsRegionWithZeroAndLeavesRest()
    {
        var transform = new TrainingImageTransform(new TrainingImageTransformOptions
        {
            FlipProbability = 0,
            PaddingPixels = 0,
            ErasingProbability = 1,
        });
        using var image = new Mat(384, 128, MatType.CV_8UC3, new Scalar(10, 220, 30));
        const int plane = 384 * 128;

        for (var seed = 0; seed < 10; seed++)
        {
            var (actual, choices) = Run(transform, image, seed);

            var region = Assert.NotNull(choices.Erased);
            var fraction = region.Area / (double)plane;
            Assert.InRange(fraction, 0.02 - 0.0053, 0.4 + 0.0053);
            for (var channel = 0; channel < 3; channel++)
            {
                for (var y = 0; y < 384; y++)
                {
                    for (var x = 0; x < 128; x++)
                    {
                        var erased = y >= region.Top && y < region.Top + region.Height && x >= region.Left && x < region.Left + region.Width;
                        var value = actual[(channel * plane) + (y * 128) + x];
                        if (erased)
                        {
                            Assert.Equal(0f, value);
                        }
                        else
                        {
                            Assert.NotEqual(0f, value);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesEverySetting()
    {
        var options = new TrainingImageTransformOptions
        {
            FlipProbability = 1.5,
            PaddingPixels = -1,
            ErasingMinArea = 0.5,
            ErasingMaxArea = 0.4,
            ErasingAttempts = 0,
            ErasingFill = [0f, 0f],
        };

        var exception = Assert.Throws<ArgumentException>(() => new TrainingImageTransform(options));

        Assert.Contains("FlipProbability is 1.5", exception.Message);
        Assert.Contains("PaddingPixels is -1", exception.Message);
        Assert.Contains("Erasing area range is 0.5..0.4", exception.Message);
        Assert.Contains("ErasingAttempts is 0", exception.Message);
        Assert.Contains("ErasingFill is [0, 0]", exception.Message);
    }

    [Fact]
    public void Apply_GrayscaleMat_Rejected()
    {
        var transform = new TrainingImageTransform(Options(0, 0, 0));
        using var gray = new Mat(Height, Width, MatType.CV_8UC1, new Scalar(9));

        var exception = Assert.Throws<ArgumentException>(() => transform.Apply(gray, new float[transform.TensorLength], new Random(1)));

        Assert.Contains("ImageDecoder", exception.Message);
    }

    private static TrainingImageTransformOptions Options(double flipProbability, int padding, double erasingProbability) => new()
    {
        Input = SmallInput,
        FlipProbability = flipProbability,
        PaddingPixels = padding,
        ErasingProbability = erasingProbability,
    };

    private static (float[] Tensor, ImageAugmentation Choices) Run(TrainingImageTransform transform, Mat image, int seed)
    {
        var tensor = new float[transform.TensorLength];
        var choices = transform.Apply(image, tensor, new Random(seed));
        return (tensor, choices);
    }

    private static int Index(int channel, int y, int x) => (channel * Height * Width) + (y * Width) + x;
}
