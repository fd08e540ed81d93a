using System.Buffers.Binary;

namespace UpPerson.Inference;

/// <summary>
/// Walks a PNG's chunk list up to IEND, so that a file cut short is reported as truncated rather
/// than decoded partially or failing with a generic libpng error.
/// </summary>
internal static class PngContainer
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data, string sourceName)
    {
        long width = -1;
        long height = -1;
        var sawImageData = false;
        var position = Signature.Length;

        while (true)
        {
            // Chunk: data length (4, big-endian), type (4), data, CRC (4).
            if (position + 8 > data.Length)
            {
                throw ImageContainerErrors.Truncated(sourceName, "PNG", data.Length, "the IEND chunk");
            }

            var dataLength = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            var type = data.Slice(position + 4, 4);
            if (dataLength > int.MaxValue)
            {
                throw ImageContainerErrors.Corrupt(sourceName, "PNG", $"chunk at byte {position} declares {dataLength} bytes, over the PNG limit of 2^31 - 1");
            }

            var chunkEnd = (long)position + 12 + dataLength;
            if (chunkEnd > data.Length)
            {
                throw ImageContainerErrors.Truncated(sourceName, "PNG", data.Length, $"the end of chunk '{ChunkName(type)}' and the IEND chunk");
            }

            var isFirstChunk = position == Signature.Length;
            if (isFirstChunk)
            {
                if (!type.SequenceEqual("IHDR"u8) || dataLength != 13)
                {
                    throw ImageContainerErrors.Corrupt(sourceName, "PNG", $"the first chunk is '{ChunkName(type)}' of {dataLength} bytes instead of a 13-byte IHDR");
                }

                width = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8)..]);
                height = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 12)..]);
            }

            sawImageData |= type.SequenceEqual("IDAT"u8);
            position = (int)chunkEnd;

            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        if (!sawImageData)
        {
            throw ImageContainerErrors.Corrupt(sourceName, "PNG", "it has no IDAT chunk, so it contains no pixels");
        }

        return new ImageHeader(ImageContainerFormat.Png, width, height);
    }

    private static string ChunkName(ReadOnlySpan<byte> type)
    {
        Span<char> name = stackalloc char[type.Length];
        for (var i = 0; i < type.Length; i++)
        {
            name[i] = type[i] is >= 0x20 and < 0x7F ? (char)type[i] : '?';
        }

        return new string(name);
    }
}
