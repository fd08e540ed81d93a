namespace UpPerson.Inference;

/// <summary>Recognises the container format from the leading bytes and reads its header.</summary>
internal static class ImageContainerReader
{
    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data, string sourceName)
    {
        if (JpegContainer.HasSignature(data))
        {
            return JpegContainer.ReadHeader(data, sourceName);
        }

        if (PngContainer.HasSignature(data))
        {
            return PngContainer.ReadHeader(data, sourceName);
        }

        if (BmpContainer.HasSignature(data))
        {
            return BmpContainer.ReadHeader(data, sourceName);
        }

        if (WebPContainer.HasSignature(data))
        {
            return WebPContainer.ReadHeader(data, sourceName);
        }

        var leadingBytes = Convert.ToHexString(data[..Math.Min(8, data.Length)]);
        throw new ImageDecodeException(
            sourceName,
            $"Image '{sourceName}' is not a JPEG, PNG, BMP or WebP file (its first bytes are {leadingBytes}). "
            + "Convert it to PNG or JPEG, for example with ffmpeg -i INPUT OUTPUT.png.");
    }
}
