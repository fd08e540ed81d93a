using OpenCvSharp;

namespace UpPerson.Inference.Tests;

public sealed class ImageDecoderPngTests
{
    private static readonly Vec3b Background = ImageDecoderOptions.ClipMeanBackgroundBgr;

    private readonly ImageDecoder _decoder = new();

    [Fact]
    public void Decode_RgbPng_ReturnsExactColours()
    {
        using var source = TestImages.ColourBlocks();

        using var decoded = _decoder.Decode(TestImages.Encode(".png", source), "rgb.png");

        TestImages.AssertBgr8(decoded, 64, 16);
        TestImages.AssertBlockCentres(decoded, TestImages.BlockColours, tolerance: 0);
    }

    [Fact]
    public void Decode_GrayPng_ReturnsEqualChannels()
    {
        using var gray = new Mat(4, 4, MatType.CV_8UC1, new Scalar(77));

        using var decoded = _decoder.Decode(TestImages.Encode(".png", gray), "gray.png");

        TestImages.AssertBgr8(decoded, 4, 4);
        TestImages.AssertPixel(decoded, 2, 2, new Vec3b(77, 77, 77), tolerance: 0);
    }

    [Fact]
    public void Decode_RgbaPng_CompositesOverClipMean()
    {
        // One row: opaque, fully transparent, half transparent.
        using var source = new Mat(1, 3, MatType.CV_8UC4);
        source.Set(0, 0, new Vec4b(200, 40, 10, 255));
        source.Set(0, 1, new Vec4b(200, 40, 10, 0));
        source.Set(0, 2, new Vec4b(200, 40, 10, 128));

        using var decoded = _decoder.Decode(TestImages.Encode(".png", source), "rgba.png");

        TestImages.AssertBgr8(decoded, 3, 1);
        TestImages.AssertPixel(decoded, 0, 0, new Vec3b(200, 40, 10), tolerance: 0);
        TestImages.AssertPixel(decoded, 0, 1, Background, tolerance: 0);
        var half = new Vec3b(
            TestImages.Composite(200, 128, Background.Item0),
            TestImages.Composite(40, 128, Background.Item1),
            TestImages.Composite(10, 128, Background.Item2));
        TestImages.AssertPixel(decoded, 0, 2, half, tolerance: 0);
    }

    [Fact]
    public void Decode_RgbaPngWithCustomBackground_UsesIt()
    {
        using var source = new Mat(1, 1, MatType.CV_8UC4, new Scalar(10, 20, 30, 0));
        var decoder = new ImageDecoder(new ImageDecoderOptions { AlphaBackgroundBgr = new Vec3b(255, 255, 255) });

        using var decoded = decoder.Decode(TestImages.Encode(".png", source), "transparent.png");

        TestImages.AssertPixel(decoded, 0, 0, new Vec3b(255, 255, 255), tolerance: 0);
    }

    [Fact]
    public void Decode_GrayAlphaPng_CompositesGray()
    {
        // Pixels (gray, alpha): (90, 255), (90, 0), (90, 64).
        byte[] samples = [90, 255, 90, 0, 90, 64];
        var bytes = PngBytes.Encode(3, 1, PngBytes.GrayAlpha, 8, samples);

        using var decoded = _decoder.Decode(bytes, "gray-alpha.png");

        TestImages.AssertBgr8(decoded, 3, 1);
        TestImages.AssertPixel(decoded, 0, 0, new Vec3b(90, 90, 90), tolerance: 0);
        TestImages.AssertPixel(decoded, 0, 1, Background, tolerance: 0);
        var quarter = new Vec3b(
            TestImages.Composite(90, 64, Background.Item0),
            TestImages.Composite(90, 64, Background.Item1),
            TestImages.Composite(90, 64, Background.Item2));
        TestImages.AssertPixel(decoded, 0, 2, quarter, tolerance: 0);
    }

    [Fact]
    public void Decode_PalettePng_ReturnsPaletteColours()
    {
        byte[] paletteRgb = [250, 10, 20, 30, 40, 50];
        byte[] indices = [0, 1, 1, 0];
        var bytes = PngBytes.Encode(2, 2, PngBytes.Palette, 8, indices, paletteRgb);

        using var decoded = _decoder.Decode(bytes, "palette.png");

        TestImages.AssertBgr8(decoded, 2, 2);
        TestImages.AssertPixel(decoded, 0, 0, new Vec3b(20, 10, 250), tolerance: 0);
        TestImages.AssertPixel(decoded, 0, 1, new Vec3b(50, 40, 30), tolerance: 0);
        TestImages.AssertPixel(decoded, 1, 0, new Vec3b(50, 40, 30), tolerance: 0);
        TestImages.AssertPixel(decoded, 1, 1, new Vec3b(20, 10, 250), tolerance: 0);
    }

    [Fact]
    public void Decode_PalettePngWithTransparency_CompositesEntries()
    {
        // Entry 0 fully transparent, entry 1 opaque (tRNS omits trailing opaque entries).
        byte[] paletteRgb = [250, 10, 20, 30, 40, 50];
        byte[] indices = [0, 1];
        var bytes = PngBytes.Encode(2, 1, PngBytes.Palette, 8, indices, paletteRgb, transparency: [0]);

        using var decoded = _decoder.Decode(bytes, "palette-trns.png");

        TestImages.AssertBgr8(decoded, 2, 1);
        TestImages.AssertPixel(decoded, 0, 0, Background, tolerance: 0);
        TestImages.AssertPixel(decoded, 0, 1, new Vec3b(50, 40, 30), tolerance: 0);
    }

    [Fact]
    public void Decode_SixteenBitPng_ScalesToEightBit()
    {
        using var source = new Mat(2, 2, MatType.CV_16UC3, new Scalar(1000, 30000, 65535));

        using var decoded = _decoder.Decode(TestImages.Encode(".png", source), "deep.png");

        // 1000 / 257 = 3.89, 30000 / 257 = 116.7, 65535 / 257 = 255; rounding may go either way at ± 1.
        TestImages.AssertBgr8(decoded, 2, 2);
        TestImages.AssertPixel(decoded, 1, 1, new Vec3b(4, 117, 255), tolerance: 1);
    }

    [Fact]
    public void Decode_SixteenBitGrayAlpha_Composites()
    {
        // One pixel: gray 0x8080 (128 in 8 bits), alpha 0xFFFF; one pixel fully transparent.
        byte[] samples = [0x80, 0x80, 0xFF, 0xFF, 0x12, 0x34, 0x00, 0x00];
        var bytes = PngBytes.Encode(2, 1, PngBytes.GrayAlpha, 16, samples);

        using var decoded = _decoder.Decode(bytes, "deep-gray-alpha.png");

        TestImages.AssertBgr8(decoded, 2, 1);
        TestImages.AssertPixel(decoded, 0, 0, new Vec3b(128, 128, 128), tolerance: 0);
        TestImages.AssertPixel(decoded, 0, 1, Background, tolerance: 0);
    }
}
