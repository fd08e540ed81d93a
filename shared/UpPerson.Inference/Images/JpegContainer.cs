using System.Buffers.Binary;

namespace UpPerson.Inference;

/// <summary>
/// Walks a JPEG's marker segments and entropy-coded scans up to the end-of-image marker.
/// libjpeg only warns when data ends early and fills the rest of the image with grey. Whether OpenCV
/// passes that partial image on depends on its build (4.13, used here, returns an empty Mat), so
/// completeness is checked here, which also gives a precise error message.
/// </summary>
internal static class JpegContainer
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= 3 && data[0] == MarkerPrefix && data[1] == StartOfImage && data[2] == MarkerPrefix;

    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data, string sourceName)
    {
        long width = -1;
        long height = -1;
        var sawScan = false;
        var position = 2;

        while (true)
        {
            if (position >= data.Length)
            {
                throw ImageContainerErrors.Truncated(sourceName, "JPEG", data.Length, "the end-of-image marker (FF D9)");
            }

            if (data[position] != MarkerPrefix)
            {
                throw ImageContainerErrors.Corrupt(sourceName, "JPEG", $"byte {position} should start a marker (0xFF) but is 0x{data[position]:X2}");
            }

            // Markers may be preceded by any number of 0xFF fill bytes.
            while (position < data.Length && data[position] == MarkerPrefix)
            {
                position++;
            }

            if (position >= data.Length)
            {
                throw ImageContainerErrors.Truncated(sourceName, "JPEG", data.Length, "the end-of-image marker (FF D9)");
            }

            var marker = data[position];
            position++;

            if (marker == EndOfImage)
            {
                break;
            }

            if (IsStandalone(marker))
            {
                continue;
            }

            if (position + 2 > data.Length)
            {
                throw ImageContainerErrors.Truncated(sourceName, "JPEG", data.Length, $"the length of marker segment 0x{marker:X2}");
            }

            var segmentLength = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (segmentLength < 2)
            {
                throw ImageContainerErrors.Corrupt(sourceName, "JPEG", $"marker segment 0x{marker:X2} at byte {position - 2} declares length {segmentLength}");
            }

            var segmentEnd = position + segmentLength;
            if (segmentEnd > data.Length)
            {
                throw ImageContainerErrors.Truncated(sourceName, "JPEG", data.Length, $"the end of marker segment 0x{marker:X2}");
            }

            if (IsStartOfFrame(marker))
            {
                // Segment: length (2), precision (1), height (2), width (2), component count (1), ...
                if (segmentLength < 8)
                {
                    throw ImageContainerErrors.Corrupt(sourceName, "JPEG", $"start-of-frame segment has length {segmentLength}, below the minimum of 8");
                }

                height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 3)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
            }

            position = segmentEnd;

            if (marker == StartOfScan)
            {
                if (width < 0)
                {
                    throw ImageContainerErrors.Corrupt(sourceName, "JPEG", "a scan starts before any start-of-frame segment");
                }

                sawScan = true;
                position = SkipEntropyCodedData(data, position, sourceName);
            }
        }

        if (!sawScan)
        {
            throw ImageContainerErrors.Corrupt(sourceName, "JPEG", "it ends without any image scan");
        }

        return new ImageHeader(ImageContainerFormat.Jpeg, width, height);
    }

    /// <summary>Returns the position of the first real marker after a scan's entropy-coded data.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> data, int position, string sourceName)
    {
        while (true)
        {
            var offset = data[position..].IndexOf(MarkerPrefix);
            if (offset < 0 || position + offset + 1 >= data.Length)
            {
                throw ImageContainerErrors.Truncated(sourceName, "JPEG", data.Length, "the end-of-image marker (FF D9)");
            }

            position += offset;
            var next = data[position + 1];

            // Inside a scan, FF 00 is an escaped 0xFF data byte, FF D0..D7 are restart markers and
            // FF FF is fill. Any other marker ends the scan.
            var isScanData = next == 0x00 || next == MarkerPrefix || (next >= 0xD0 && next <= 0xD7);
            if (!isScanData)
            {
                return position;
            }

            position += next == MarkerPrefix ? 1 : 2;
        }
    }

    private static bool IsStandalone(byte marker) =>
        marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == StartOfImage;

    // Markers C0..CF start a frame (SOF0..SOF15), except C4 (DHT), C8 (JPG, reserved) and CC (DAC).
    private static bool IsStartOfFrame(byte marker) =>
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}
