using OpenCvSharp;

namespace UpPerson.Inference.Tests;

public sealed class ImageDecoderOtherFormatTests
{
    private readonly ImageDecoder _decoder = new();

    [Fact]
    public void Decode_Bmp_ReturnsExactColours()
    {
        using var source = TestImages.ColourBlocks();

        using var decoded = _decoder.Decode(TestImages.Encode(".bmp", source), "blocks.bmp");

        TestImages.AssertBgr8(decoded, 64, 16);
        TestImages.AssertBlockCentres(decoded, TestImages.BlockColours, tolerance: 0);
    }

    [Fact]
    public void Decode_BmpWithAlpha_Composites()
    {
        using var source = new Mat(2, 2, MatType.CV_8UC4, new Scalar(10, 20, 30, 0));
        source.Set(0, 0, new Vec4b(10, 20, 30, 255));

        using var decoded = _decoder.Decode(TestImages.Encode(".bmp", source), "alpha.bmp");

        TestImages.AssertBgr8(decoded, 2, 2);
        TestImages.AssertPixel(decoded, 0, 0, new Vec3b(10, 20, 30), tolerance: 0);
        TestImages.AssertPixel(decoded, 1, 1, ImageDecoderOptions.ClipMeanBackgroundBgr, tolerance: 0);
    }

    [Fact]
    public void Decode_LosslessWebPWithAlpha_Composites()
    {
        using var source = new Mat(4, 4, MatType.CV_8UC4, new Scalar(10, 20, 30, 255));
        source.Set(3, 3, new Vec4b(10, 20, 30, 0));

        // Quality above 100 selects lossless WebP in OpenCV.
        var bytes = TestImages.Encode(".webp", source, (int)ImwriteFlags.WebPQuality, 101);
        using var decoded = _decoder.Decode(bytes, "alpha.webp");

        TestImages.AssertBgr8(decoded, 4, 4);
        TestImages.AssertPixel(decoded, 0, 0, new Vec3b(10, 20, 30), tolerance: 0);
        TestImages.AssertPixel(decoded, 3, 3, ImageDecoderOptions.ClipMeanBackgroundBgr, tolerance: 0);
    }

    [Fact]
    public void Decode_LossyWebP_ReturnsBlockColours()
    {
        using var source = TestImages.ColourBlocks();

        var bytes = TestImages.Encode(".webp", source, (int)ImwriteFlags.WebPQuality, 100);
        using var decoded = _decoder.Decode(bytes, "blocks.webp");

        // Lossy WebP stores chroma at half resolution, so block centres drift more than in JPEG 4:4:4.
        TestImages.AssertBgr8(decoded, 64, 16);
        TestImages.AssertBlockCentres(decoded, TestImages.BlockColours, tolerance: 12);
    }

    [Fact]
    public void DecodeFile_PngOnDisk_ReturnsPixels()
    {
        using var folder = new TempFolder();
        using var source = TestImages.ColourBlocks();
        var path = folder.PathOf("blocks.png");
        File.WriteAllBytes(path, TestImages.Encode(".png", source));

        using var decoded = _decoder.DecodeFile(path);

        TestImages.AssertBlockCentres(decoded, TestImages.BlockColours, tolerance: 0);
    }
}
