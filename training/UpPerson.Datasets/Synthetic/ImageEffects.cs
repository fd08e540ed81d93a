using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Camera effects applied after drawing: lighting and white balance, blur, resolution loss, a loose
/// crop and sensor noise. Together they make two images of one identity differ in their pixels, so a
/// model has to match attributes rather than memorise images.
/// </summary>
internal static class ImageEffects
{
    private const double MidGrey = 128;

    public static void Apply(Mat image, ImageVariation variation, SynthRandom random)
    {
        ApplyLighting(image, variation);

        if (variation.BlurSigma > 0)
        {
            Cv2.GaussianBlur(image, image, new Size(0, 0), variation.BlurSigma);
        }

        if (variation.MotionBlurLength > 0)
        {
            using var kernel = new Mat(1, variation.MotionBlurLength, MatType.CV_32FC1, new Scalar(1.0 / variation.MotionBlurLength));
            Cv2.Filter2D(image, image, -1, kernel, borderType: BorderTypes.Reflect101);
        }

        if (variation.DownscaleFactor < 1)
        {
            using var small = new Mat();
            var smallSize = new Size(Math.Max(8, (int)Math.Round(image.Cols * variation.DownscaleFactor)), Math.Max(8, (int)Math.Round(image.Rows * variation.DownscaleFactor)));
            Cv2.Resize(image, small, smallSize, 0, 0, InterpolationFlags.Area);
            Cv2.Resize(small, image, new Size(image.Cols, image.Rows), 0, 0, InterpolationFlags.Linear);
        }

        ApplyCrop(image, variation);
        AddNoise(image, variation.NoiseSigma, random);
    }

    // Contrast pivots on mid-grey rather than on black, so dark and light garments keep their distance
    // from grey. The channel gains then tint the result.
    private static void ApplyLighting(Mat image, ImageVariation variation)
    {
        var pixels = image.AsSpan<byte>();
        var offset = MidGrey * (1 - variation.Contrast) + variation.Brightness;
        Span<double> gains = [variation.ColourGain.Blue, variation.ColourGain.Green, variation.ColourGain.Red];
        for (var i = 0; i < pixels.Length; i++)
        {
            var value = (pixels[i] * variation.Contrast + offset) * gains[i % 3];
            pixels[i] = (byte)Math.Clamp(Math.Round(value), 0, 255);
        }
    }

    private static void ApplyCrop(Mat image, ImageVariation variation)
    {
        var (top, bottom, left, right) = variation.Crop;
        if (top == 0 && bottom == 0 && left == 0 && right == 0)
        {
            return;
        }

        var x0 = (int)Math.Round(image.Cols * left);
        var x1 = image.Cols - (int)Math.Round(image.Cols * right);
        var y0 = (int)Math.Round(image.Rows * top);
        var y1 = image.Rows - (int)Math.Round(image.Rows * bottom);

        using var cropped = new Mat(image, new Rect(x0, y0, x1 - x0, y1 - y0)).Clone();
        Cv2.Resize(cropped, image, new Size(image.Cols, image.Rows), 0, 0, InterpolationFlags.Linear);
    }

    private static void AddNoise(Mat image, double sigma, SynthRandom random)
    {
        var pixels = image.AsSpan<byte>();
        for (var i = 0; i < pixels.Length; i++)
        {
            var value = pixels[i] + sigma * random.Gaussian();
            pixels[i] = (byte)Math.Clamp(Math.Round(value), 0, 255);
        }
    }
}
