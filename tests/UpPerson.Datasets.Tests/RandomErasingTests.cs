namespace UpPerson.Datasets.Tests;

public sealed class RandomErasingTests
{
    private const int Height = 384;
    private const int Width = 128;

    [Fact]
    public void Apply_ManyDraws_AreaAndAspectWithinRanges()
    {
        var erasing = new RandomErasing(new TrainingImageTransformOptions { ErasingProbability = 1 });
        var random = new Random(2024);
        var image = new float[3 * Height * Width];
        var erasedCount = 0;

        for (var draw = 0; draw < 2000; draw++)
        {
            var region = erasing.Apply(image, Height, Width, random);
            if (region is not { } erased)
            {
                continue;
            }

            erasedCount++;

            // Height and width are rounded to whole pixels, so the drawn values lie within ±0.5 of them.
            // The draw was consistent when that box of real-valued sizes meets the allowed area and aspect.
            double h = erased.Height;
            double w = erased.Width;
            Assert.True((h - 0.5) * (w - 0.5) <= 0.4 * Height * Width, $"{h} x {w} is larger than 40 % of the image");
            Assert.True((h + 0.5) * (w + 0.5) >= 0.02 * Height * Width, $"{h} x {w} is smaller than 2 % of the image");
            Assert.True((h + 0.5) / (w - 0.5) >= 0.3, $"{h} x {w} is flatter than aspect ratio 0.3");
            Assert.True((h - 0.5) / (w + 0.5) <= 3.3, $"{h} x {w} is taller than aspect ratio 3.3");
            Assert.InRange(erased.Top, 0, Height - erased.Height);
            Assert.InRange(erased.Left, 0, Width - erased.Width);
        }

        // Only tall, wide rectangles fail to fit the 384 x 128 image; most draws fit within 10 attempts.
        Assert.True(erasedCount > 1900, $"{erasedCount} of 2000 draws erased a rectangle");
    }

    [Fact]
    public void Apply_ProbabilityHalf_ErasesAboutHalfTheImages()
    {
        var erasing = new RandomErasing(new TrainingImageTransformOptions());
        var random = new Random(99);
        var image = new float[3 * Height * Width];

        var erased = Enumerable.Range(0, 4000).Count(_ => erasing.Apply(image, Height, Width, random) is not null);

        // About 2,000 erase, less the rare draws where no rectangle fits; the binomial standard deviation
        // is about 32, so ±150 is over 4.5 of them.
        Assert.InRange(erased, 2000 - 150, 2000 + 150);
    }

    [Fact]
    public void Apply_NoRectangleFits_LeavesImageUnchanged()
    {
        var erasing = new RandomErasing(new TrainingImageTransformOptions
        {
            ErasingProbability = 1,
            ErasingMinArea = 0.9,
            ErasingMaxArea = 1,
            ErasingMinAspectRatio = 1,
            ErasingMaxAspectRatio = 1,
        });
        var image = Enumerable.Repeat(0.5f, 3 * 4 * 4).ToArray();

        var region = erasing.Apply(image, 4, 4, new Random(5));

        Assert.Null(region);
        Assert.All(image, value => Assert.Equal(0.5f, value));
    }

    [Fact]
    public void Apply_CustomFill_WritesFillPerChannel()
    {
        var erasing = new RandomErasing(new TrainingImageTransformOptions { ErasingProbability = 1, ErasingFill = [0.25f, 0.5f, 0.75f] });
        var image = new float[3 * Height * Width];

        var region = Assert.NotNull(erasing.Apply(image, Height, Width, new Random(3)));

        float[] fill = [0.25f, 0.5f, 0.75f];
        for (var channel = 0; channel < 3; channel++)
        {
            Assert.Equal(fill[channel], image[(channel * Height * Width) + (region.Top * Width) + region.Left]);
            Assert.Equal(region.Area, image.AsSpan(channel * Height * Width, Height * Width).ToArray().Count(value => value == fill[channel]));
        }
    }
}
