using OpenCvSharp;

namespace UpPerson.Inference;

/// <summary>
/// Decodes JPEG, PNG, BMP and WebP bytes into an 8-bit, 3-channel BGR <see cref="Mat"/> (<c>CV_8UC3</c>),
/// whatever the stored mode: grayscale, CMYK or YCCK JPEG, palette, gray + alpha, RGBA and 16-bit PNG.
/// Alpha is composited over <see cref="ImageDecoderOptions.AlphaBackgroundBgr"/>. Empty, truncated,
/// corrupt, unknown, zero-size and oversized inputs raise <see cref="ImageDecodeException"/>.
/// Thread-safe.
/// </summary>
public sealed class ImageDecoder
{
    private readonly ImageDecoderOptions _options;

    public ImageDecoder(ImageDecoderOptions? options = null)
    {
        _options = options ?? new ImageDecoderOptions();
        if (_options.MaxPixels <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxPixels, "ImageDecoderOptions.MaxPixels must be positive.");
        }

        if (_options.MaxEncodedBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxEncodedBytes, "ImageDecoderOptions.MaxEncodedBytes must be positive.");
        }
    }

    public ImageDecoderOptions Options => _options;

    /// <summary>Reads and decodes an image file; the path is the source named in errors.</summary>
    public Mat DecodeFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Image file '{path}' was not found. Check the path.", path);
        }

        CheckEncodedLength(file.Length, path);
        return Decode(File.ReadAllBytes(path), path);
    }

    /// <summary>Decodes encoded image bytes.</summary>
    /// <param name="encoded">The whole encoded file.</param>
    /// <param name="sourceName">File path or label used in error messages.</param>
    public Mat Decode(ReadOnlySpan<byte> encoded, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);

        CheckEncodedLength(encoded.Length, sourceName);
        var header = ImageContainerReader.ReadHeader(encoded, sourceName);
        CheckDimensions(header, sourceName);

        // JPEG has no alpha and is always 8-bit here, so Color mode loses nothing. It also lets OpenCV
        // apply the EXIF orientation and convert grayscale, CMYK and YCCK; for CMYK, OpenCV assumes
        // Adobe's inverted samples, which the CMYK test fixtures confirm. Other formats need Unchanged
        // to keep alpha and 16-bit samples for the conversion below.
        // NOTE: Unchanged ignores EXIF orientation, which PNG, BMP and WebP rarely carry.
        var mode = header.Format == ImageContainerFormat.Jpeg ? ImreadModes.Color : ImreadModes.Unchanged;
        Mat decoded;
        try
        {
            decoded = Cv2.ImDecode(encoded, mode);
        }
        catch (OpenCVException exception)
        {
            throw CorruptData(header, sourceName, exception);
        }

        if (decoded.Empty())
        {
            decoded.Dispose();
            throw CorruptData(header, sourceName, innerException: null);
        }

        return DecodedImageConverter.ToBgr8(decoded, _options.AlphaBackgroundBgr, sourceName);
    }

    private void CheckEncodedLength(long length, string sourceName)
    {
        if (length == 0)
        {
            throw new ImageDecodeException(
                sourceName,
                $"Image '{sourceName}' is empty (0 bytes). Check that whatever wrote it finished, then copy it again.");
        }

        if (length > _options.MaxEncodedBytes)
        {
            throw new ImageDecodeException(
                sourceName,
                $"Image '{sourceName}' is {length} bytes, over the limit of {_options.MaxEncodedBytes} bytes. "
                + "Downscale or recompress it, or raise ImageDecoderOptions.MaxEncodedBytes.");
        }
    }

    private void CheckDimensions(ImageHeader header, string sourceName)
    {
        if (header.Width <= 0 || header.Height <= 0)
        {
            throw new ImageDecodeException(
                sourceName,
                $"Image '{sourceName}' ({header.Format}) has zero width or height ({header.Width}x{header.Height}). Replace it with a non-empty image.");
        }

        var pixels = header.Width * header.Height;
        if (pixels > _options.MaxPixels)
        {
            throw new ImageDecodeException(
                sourceName,
                $"Image '{sourceName}' is {header.Width}x{header.Height} = {pixels} pixels, over the limit of {_options.MaxPixels}. "
                + "Downscale it, or raise ImageDecoderOptions.MaxPixels.");
        }
    }

    private static ImageDecodeException CorruptData(ImageHeader header, string sourceName, Exception? innerException) =>
        new(sourceName,
            $"Image '{sourceName}' is a complete {header.Format} container ({header.Width}x{header.Height}) but OpenCV could not decode its pixels, "
            + "so the compressed data is corrupt or uses an unsupported variant. Re-encode it as a standard PNG or JPEG.",
            innerException);
}
