using OpenCvSharp;

namespace UpPerson.Inference.Tests;

public sealed class ImageDecoderErrorTests
{
    private readonly ImageDecoder _decoder = new();

    [Fact]
    public void Decode_EmptyBytes_Rejects()
    {
        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode([], "crop-17.jpg"));

        Assert.Equal("crop-17.jpg", error.SourceName);
        Assert.Contains("'crop-17.jpg'", error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void DecodeFile_EmptyFile_RejectsNamingPath()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("empty.png");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.DecodeFile(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void DecodeFile_MissingFile_ThrowsFileNotFound()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("absent.jpg");

        var error = Assert.Throws<FileNotFoundException>(() => _decoder.DecodeFile(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Decode_RandomBytes_RejectsAsUnknownFormat()
    {
        var bytes = new byte[4096];
        new Random(1234).NextBytes(bytes);
        bytes[0] = 0x00;

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(bytes, "noise.bin"));

        Assert.Contains("'noise.bin'", error.Message);
        Assert.Contains("not a JPEG, PNG, BMP or WebP", error.Message);
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(false, 1000)]
    [InlineData(true, 2)]
    [InlineData(true, 1000)]
    public void Decode_TruncatedJpeg_Rejects(bool progressive, int removedBytes)
    {
        // Noise compresses poorly, so the cut lands inside entropy-coded scan data.
        using var source = new Mat(64, 64, MatType.CV_8UC3);
        Cv2.Randu(source, new Scalar(0, 0, 0), new Scalar(255, 255, 255));
        var bytes = TestImages.EncodeJpeg(source, progressive);
        var truncated = bytes.AsSpan(0, bytes.Length - removedBytes).ToArray();

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(truncated, "cut.jpg"));

        Assert.Contains("'cut.jpg' is a truncated JPEG", error.Message);
        Assert.Contains("end-of-image marker", error.Message);
    }

    [Fact]
    public void Decode_JpegCutInsideHeader_Rejects()
    {
        using var source = TestImages.ColourBlocks();
        var bytes = TestImages.EncodeJpeg(source);

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(bytes.AsSpan(0, 10), "header.jpg"));

        Assert.Contains("'header.jpg' is a truncated JPEG", error.Message);
    }

    [Fact]
    public void Decode_PngWithoutIend_Rejects()
    {
        using var source = TestImages.ColourBlocks();
        var bytes = TestImages.Encode(".png", source);

        // IEND is the last 12 bytes: length, type and CRC with no data.
        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(bytes.AsSpan(0, bytes.Length - 12), "cut.png"));

        Assert.Contains("'cut.png' is a truncated PNG", error.Message);
        Assert.Contains("IEND", error.Message);
    }

    [Fact]
    public void Decode_PngCutInsideImageData_Rejects()
    {
        using var source = TestImages.ColourBlocks();
        var bytes = TestImages.Encode(".png", source);

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(bytes.AsSpan(0, bytes.Length - 30), "cut.png"));

        Assert.Contains("'cut.png' is a truncated PNG", error.Message);
        Assert.Contains("IDAT", error.Message);
    }

    [Fact]
    public void Decode_PngWithCorruptImageData_Rejects()
    {
        using var noise = new Mat(8, 8, MatType.CV_8UC3);
        Cv2.Randu(noise, new Scalar(0, 0, 0), new Scalar(255, 255, 255));
        var bytes = TestImages.Encode(".png", noise);

        // Overwrite bytes inside IDAT (after the 33-byte signature + IHDR and the IDAT header)
        // without fixing its CRC, so libpng rejects the chunk.
        var idat = IndexOf(bytes, "IDAT"u8);
        for (var i = idat + 8; i < idat + 20; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(bytes, "corrupt.png"));

        Assert.Contains("'corrupt.png'", error.Message);
        Assert.Contains("could not decode its pixels", error.Message);
    }

    [Fact]
    public void Decode_PngWithZeroWidth_Rejects()
    {
        var bytes = PngBytes.Encode(0, 1, PngBytes.Gray, 8, []);

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(bytes, "zero.png"));

        Assert.Contains("'zero.png'", error.Message);
        Assert.Contains("zero width or height (0x1)", error.Message);
    }

    [Fact]
    public void Decode_ImageOverPixelLimit_Rejects()
    {
        var decoder = new ImageDecoder(new ImageDecoderOptions { MaxPixels = 1000 });
        using var source = new Mat(40, 30, MatType.CV_8UC3, new Scalar(1, 2, 3));

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode(TestImages.Encode(".png", source), "big.png"));

        Assert.Contains("'big.png' is 30x40 = 1200 pixels, over the limit of 1000", error.Message);
    }

    [Fact]
    public void Decode_BytesOverEncodedLimit_Rejects()
    {
        var decoder = new ImageDecoder(new ImageDecoderOptions { MaxEncodedBytes = 16 });
        using var source = TestImages.ColourBlocks();

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode(TestImages.Encode(".png", source), "large.png"));

        Assert.Contains("over the limit of 16 bytes", error.Message);
    }

    [Fact]
    public void Decode_TruncatedBmp_Rejects()
    {
        using var source = TestImages.ColourBlocks();
        var bytes = TestImages.Encode(".bmp", source);

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(bytes.AsSpan(0, bytes.Length / 2), "cut.bmp"));

        Assert.Contains("'cut.bmp' is a truncated BMP", error.Message);
    }

    [Fact]
    public void Decode_TruncatedWebP_Rejects()
    {
        using var source = TestImages.ColourBlocks();
        var bytes = TestImages.Encode(".webp", source, (int)ImwriteFlags.WebPQuality, 90);

        var error = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(bytes.AsSpan(0, bytes.Length - 5), "cut.webp"));

        Assert.Contains("'cut.webp' is a truncated WebP", error.Message);
    }

    [Fact]
    public void Constructor_NonPositivePixelLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageDecoder(new ImageDecoderOptions { MaxPixels = 0 }));
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> pattern)
    {
        var index = bytes.AsSpan().IndexOf(pattern);
        Assert.True(index >= 0, "pattern not found in the encoded test image");
        return index;
    }
}
