using System.Buffers.Binary;
using System.IO.Compression;

namespace UpPerson.Inference.Tests;

/// <summary>
/// Writes PNG files byte by byte, for modes OpenCV's encoder cannot produce (gray + alpha, palette,
/// palette with tRNS) and for deliberately broken files.
/// </summary>
internal static class PngBytes
{
    public const byte Gray = 0;
    public const byte Rgb = 2;
    public const byte Palette = 3;
    public const byte GrayAlpha = 4;
    public const byte Rgba = 6;

    /// <param name="samples">Unfiltered rows, each <c>width × channels × bitDepth / 8</c> bytes, big-endian for 16-bit.</param>
    public static byte[] Encode(
        int width,
        int height,
        byte colorType,
        byte bitDepth,
        byte[] samples,
        byte[]? paletteRgb = null,
        byte[]? transparency = null)
    {
        var rowBytes = samples.Length / Math.Max(height, 1);
        using var filtered = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            filtered.WriteByte(0);
            filtered.Write(samples, y * rowBytes, rowBytes);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            filtered.Position = 0;
            filtered.CopyTo(zlib);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = bitDepth;
        header[9] = colorType;

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        if (paletteRgb is not null)
        {
            WriteChunk(png, "PLTE", paletteRgb);
        }

        if (transparency is not null)
        {
            WriteChunk(png, "tRNS", transparency);
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        stream.Write(word);

        var typeAndData = new byte[4 + data.Length];
        for (var i = 0; i < 4; i++)
        {
            typeAndData[i] = (byte)type[i];
        }

        data.CopyTo(typeAndData, 4);
        stream.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        stream.Write(word);
    }

    // CRC-32 as PNG defines it (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
