using OpenCvSharp;

namespace UpPerson.Inference.Tests;

public sealed class ImageDecoderJpegTests
{
    // Quality 100 with 4:4:4 sampling: block centres stay within 3 levels of the source colour.
    private const int JpegTolerance = 3;

    private readonly ImageDecoder _decoder = new();

    [Fact]
    public void Decode_BaselineJpeg_ReturnsBlockColours()
    {
        using var source = TestImages.ColourBlocks();
        var bytes = TestImages.EncodeJpeg(source);

        using var decoded = _decoder.Decode(bytes, "baseline.jpg");

        TestImages.AssertBgr8(decoded, 64, 16);
        TestImages.AssertBlockCentres(decoded, TestImages.BlockColours, JpegTolerance);
    }

    [Fact]
    public void Decode_ProgressiveJpeg_ReturnsBlockColours()
    {
        using var source = TestImages.ColourBlocks();
        var bytes = TestImages.EncodeJpeg(source, progressive: true);
        Assert.True(ContainsMarker(bytes, 0xC2), "The encoder did not write a progressive (SOF2) JPEG.");

        using var decoded = _decoder.Decode(bytes, "progressive.jpg");

        TestImages.AssertBgr8(decoded, 64, 16);
        TestImages.AssertBlockCentres(decoded, TestImages.BlockColours, JpegTolerance);
    }

    [Fact]
    public void Decode_GrayscaleJpeg_ReturnsEqualChannels()
    {
        using var gray = new Mat(16, 32, MatType.CV_8UC1, new Scalar(40));
        using (var right = new Mat(gray, new Rect(16, 0, 16, 16)))
        {
            right.SetTo(new Scalar(200));
        }

        var bytes = TestImages.EncodeJpeg(gray);

        using var decoded = _decoder.Decode(bytes, "gray.jpg");

        TestImages.AssertBgr8(decoded, 32, 16);
        TestImages.AssertBlockCentres(decoded, [new Vec3b(40, 40, 40), new Vec3b(200, 200, 200)], JpegTolerance);
    }

    [Theory]
    [InlineData("cmyk-adobe.jpg")]
    [InlineData("ycck-adobe.jpg")]
    public void Decode_AdobeCmykJpeg_ReturnsInkColours(string fixture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);

        using var decoded = _decoder.DecodeFile(path);

        // Expected colours: R = (255 − C)(255 − K) / 255 and likewise G from M and B from Y, for
        // the inks listed in Fixtures/make-cmyk-jpegs.c. OpenCV divides by 256 instead of 255,
        // which costs up to 2 levels on top of the JPEG error.
        Vec3b[] expected =
        [
            new(0, 0, 255),
            new(0, 255, 0),
            new(0, 95, 191),
            new(127, 127, 127),
        ];
        TestImages.AssertBgr8(decoded, 64, 16);
        TestImages.AssertBlockCentres(decoded, expected, JpegTolerance);
    }

    [Fact]
    public void Decode_JpegWithTrailingBytes_Succeeds()
    {
        using var source = TestImages.ColourBlocks();
        byte[] bytes = [.. TestImages.EncodeJpeg(source), 0x00, 0x11, 0x22];

        using var decoded = _decoder.Decode(bytes, "trailing.jpg");

        TestImages.AssertBlockCentres(decoded, TestImages.BlockColours, JpegTolerance);
    }

    private static bool ContainsMarker(byte[] bytes, byte marker)
    {
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] == marker)
            {
                return true;
            }
        }

        return false;
    }
}
