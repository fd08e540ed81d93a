namespace UpPerson.Datasets;

/// <summary>
/// Random erasing as torchvision's <c>RandomErasing</c> draws it. With the given probability it makes
/// up to N tries, each with an area fraction drawn uniformly and an aspect ratio drawn uniformly in
/// log space, and fills the first rectangle that fits strictly inside the image.
/// </summary>
public sealed class RandomErasing
{
    private readonly TrainingImageTransformOptions _options;
    private readonly float[] _fill;
    private readonly double _logMinAspect;
    private readonly double _logMaxAspect;

    public RandomErasing(TrainingImageTransformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _options = options;
        _fill = options.ErasingFill is { } fill ? [.. fill] : [0f, 0f, 0f];
        _logMinAspect = Math.Log(options.ErasingMinAspectRatio);
        _logMaxAspect = Math.Log(options.ErasingMaxAspectRatio);
    }

    /// <summary>Erases a rectangle in a [3, height, width] image in place, or returns null when it erased nothing.</summary>
    public ErasedRegion? Apply(Span<float> image, int height, int width, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var plane = height * width;
        if (height <= 0 || width <= 0 || image.Length < 3 * plane)
        {
            throw new ArgumentException($"Image buffer of {image.Length} floats does not hold 3 x {height} x {width}.", nameof(image));
        }

        if (!(random.NextDouble() < _options.ErasingProbability))
        {
            return null;
        }

        for (var attempt = 0; attempt < _options.ErasingAttempts; attempt++)
        {
            var area = plane * Uniform(random, _options.ErasingMinArea, _options.ErasingMaxArea);
            var aspectRatio = Math.Exp(Uniform(random, _logMinAspect, _logMaxAspect));

            // Math.Round rounds halves to even, like Python's round in torchvision.
            var eraseHeight = (int)Math.Round(Math.Sqrt(area * aspectRatio));
            var eraseWidth = (int)Math.Round(Math.Sqrt(area / aspectRatio));
            if (eraseHeight >= height || eraseWidth >= width)
            {
                continue;
            }

            var top = random.Next(0, height - eraseHeight + 1);
            var left = random.Next(0, width - eraseWidth + 1);
            Fill(image, height, width, new ErasedRegion(top, left, eraseHeight, eraseWidth));
            return new ErasedRegion(top, left, eraseHeight, eraseWidth);
        }

        return null;
    }

    private void Fill(Span<float> image, int height, int width, ErasedRegion region)
    {
        var plane = height * width;
        for (var channel = 0; channel < 3; channel++)
        {
            for (var y = region.Top; y < region.Top + region.Height; y++)
            {
                image.Slice((channel * plane) + (y * width) + region.Left, region.Width).Fill(_fill[channel]);
            }
        }
    }

    private static double Uniform(Random random, double min, double max) => min + ((max - min) * random.NextDouble());
}
