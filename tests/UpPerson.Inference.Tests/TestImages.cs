using OpenCvSharp;

namespace UpPerson.Inference.Tests;

/// <summary>Builds and encodes small test images with OpenCV, and asserts on decoded pixels.</summary>
internal static class TestImages
{
    /// <summary>OpenCV's IMWRITE_JPEG_SAMPLING_FACTOR, missing from OpenCvSharp's enum.</summary>
    public const ImwriteFlags JpegSamplingFactor = (ImwriteFlags)7;

    /// <summary>IMWRITE_JPEG_SAMPLING_FACTOR_444: no chroma subsampling, so block colours stay clean.</summary>
    public const int JpegSampling444 = 0x111111;

    /// <summary>BGR colours of the 16×16 blocks laid left to right by <see cref="ColourBlocks"/>.</summary>
    public static readonly Vec3b[] BlockColours =
    [
        new(0, 0, 255),
        new(0, 255, 0),
        new(255, 0, 0),
        new(128, 128, 128),
    ];

    /// <summary>A 16-row image of 16×16 blocks in <see cref="BlockColours"/>.</summary>
    public static Mat ColourBlocks()
    {
        var image = new Mat(16, 16 * BlockColours.Length, MatType.CV_8UC3);
        for (var block = 0; block < BlockColours.Length; block++)
        {
            var colour = BlockColours[block];
            using var region = new Mat(image, new Rect(16 * block, 0, 16, 16));
            region.SetTo(new Scalar(colour.Item0, colour.Item1, colour.Item2));
        }

        return image;
    }

    public static byte[] Encode(string extension, Mat image, params int[] parameters)
    {
        Assert.True(Cv2.ImEncode(extension, image, out var bytes, parameters), $"OpenCV failed to encode a {extension} test image.");
        return bytes;
    }

    public static byte[] EncodeJpeg(Mat image, bool progressive = false) =>
        Encode(".jpg", image,
            (int)ImwriteFlags.JpegQuality, 100,
            (int)JpegSamplingFactor, JpegSampling444,
            (int)ImwriteFlags.JpegProgressive, progressive ? 1 : 0);

    public static void AssertBgr8(Mat image, int expectedWidth, int expectedHeight)
    {
        Assert.Equal(MatType.CV_8UC3, image.Type());
        Assert.Equal(expectedWidth, image.Width);
        Assert.Equal(expectedHeight, image.Height);
    }

    /// <summary>Asserts one pixel's B, G and R each lie within <paramref name="tolerance"/> levels.</summary>
    public static void AssertPixel(Mat image, int y, int x, Vec3b expected, int tolerance)
    {
        var actual = image.Get<Vec3b>(y, x);
        var message = $"pixel (y {y}, x {x}) is BGR ({actual.Item0}, {actual.Item1}, {actual.Item2}); "
            + $"expected ({expected.Item0}, {expected.Item1}, {expected.Item2}) ± {tolerance}";
        Assert.True(Math.Abs(actual.Item0 - expected.Item0) <= tolerance, message);
        Assert.True(Math.Abs(actual.Item1 - expected.Item1) <= tolerance, message);
        Assert.True(Math.Abs(actual.Item2 - expected.Item2) <= tolerance, message);
    }

    /// <summary>Asserts the centre pixel of each 16×16 block.</summary>
    public static void AssertBlockCentres(Mat image, IReadOnlyList<Vec3b> expected, int tolerance)
    {
        for (var block = 0; block < expected.Count; block++)
        {
            AssertPixel(image, 8, (16 * block) + 8, expected[block], tolerance);
        }
    }

    /// <summary>(colour·α + background·(255 − α)) / 255, rounded, computed independently of the decoder.</summary>
    public static byte Composite(int colour, int alpha, int background) =>
        (byte)Math.Round(((colour * alpha) + (background * (255 - alpha))) / 255.0, MidpointRounding.AwayFromZero);
}
