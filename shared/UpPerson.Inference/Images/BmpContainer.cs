using System.Buffers.Binary;

namespace UpPerson.Inference;

/// <summary>Reads a BMP's file and DIB headers and checks that the pixel array is all there.</summary>
internal static class BmpContainer
{
    private const int FileHeaderLength = 14;
    private const int CoreHeaderLength = 12;
    private const uint UncompressedRgb = 0;
    private const uint BitFields = 3;

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == (byte)'B' && data[1] == (byte)'M';

    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data, string sourceName)
    {
        if (data.Length < FileHeaderLength + CoreHeaderLength)
        {
            throw ImageContainerErrors.Truncated(sourceName, "BMP", data.Length, "the end of its headers");
        }

        var declaredFileSize = BinaryPrimitives.ReadUInt32LittleEndian(data[2..]);
        var pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
        var dibHeaderLength = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);

        long width;
        long height;
        int bitsPerPixel;
        uint compression;
        if (dibHeaderLength == CoreHeaderLength)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[18..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[20..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[24..]);
            compression = UncompressedRgb;
        }
        else
        {
            if (dibHeaderLength < 40)
            {
                throw ImageContainerErrors.Corrupt(sourceName, "BMP", $"its DIB header declares {dibHeaderLength} bytes; known headers have 12 or at least 40");
            }

            if (data.Length < FileHeaderLength + 40)
            {
                throw ImageContainerErrors.Truncated(sourceName, "BMP", data.Length, "the end of its headers");
            }

            width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);

            // A negative height marks a top-down bitmap.
            height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[22..]));
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
            compression = BinaryPrimitives.ReadUInt32LittleEndian(data[30..]);
        }

        if (width < 0)
        {
            throw ImageContainerErrors.Corrupt(sourceName, "BMP", $"its header declares a negative width ({width})");
        }

        if (compression is UncompressedRgb or BitFields && bitsPerPixel > 0)
        {
            // Rows are padded to a multiple of 4 bytes.
            var rowBytes = (width * bitsPerPixel + 31) / 32 * 4;
            // Int128 because a hostile header can declare sizes whose product overflows a long.
            var pixelEnd = pixelOffset + (Int128)rowBytes * height;
            if (pixelEnd > data.Length)
            {
                throw ImageContainerErrors.Truncated(sourceName, "BMP", data.Length, $"the end of its pixel array at byte {pixelEnd}");
            }
        }
        else if (declaredFileSize > data.Length)
        {
            // Compressed pixel arrays have no computable size, so fall back on the file header's total.
            throw ImageContainerErrors.Truncated(sourceName, "BMP", data.Length, $"the {declaredFileSize} bytes its file header declares");
        }

        return new ImageHeader(ImageContainerFormat.Bmp, width, height);
    }
}
