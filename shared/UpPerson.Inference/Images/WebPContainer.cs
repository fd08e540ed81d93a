using System.Buffers.Binary;

namespace UpPerson.Inference;

/// <summary>Reads a WebP's RIFF header and canvas size from its first chunk (VP8, VP8L or VP8X).</summary>
internal static class WebPContainer
{
    private const int RiffHeaderLength = 12;
    private const int MinimumHeaderLength = 30;

    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= RiffHeaderLength && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8);

    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data, string sourceName)
    {
        // The RIFF size counts every byte after the 8-byte "RIFF" + size prefix.
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffEnd > data.Length)
        {
            throw ImageContainerErrors.Truncated(sourceName, "WebP", data.Length, $"the {riffEnd} bytes its RIFF header declares");
        }

        if (data.Length < MinimumHeaderLength)
        {
            throw ImageContainerErrors.Truncated(sourceName, "WebP", data.Length, "the end of its first chunk header");
        }

        var chunk = data.Slice(RiffHeaderLength, 4);
        var payload = data[(RiffHeaderLength + 8)..];
        long width;
        long height;
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
            if (payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
            {
                throw ImageContainerErrors.Corrupt(sourceName, "WebP", "its VP8 frame lacks the start code 9D 01 2A");
            }

            width = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
        }
        else if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then width - 1 and height - 1 as 14-bit fields.
            if (payload[0] != 0x2F)
            {
                throw ImageContainerErrors.Corrupt(sourceName, "WebP", "its VP8L chunk lacks the signature byte 0x2F");
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            width = (bits & 0x3FFF) + 1;
            height = ((bits >> 14) & 0x3FFF) + 1;
        }
        else if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: 4 flag bytes, then canvas width - 1 and height - 1 as 24-bit fields.
            width = ReadUInt24LittleEndian(payload[4..]) + 1;
            height = ReadUInt24LittleEndian(payload[7..]) + 1;
        }
        else
        {
            throw ImageContainerErrors.Corrupt(sourceName, "WebP", "its first chunk is none of VP8, VP8L or VP8X");
        }

        return new ImageHeader(ImageContainerFormat.WebP, width, height);
    }

    private static long ReadUInt24LittleEndian(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
