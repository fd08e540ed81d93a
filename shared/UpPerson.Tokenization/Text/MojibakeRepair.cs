using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace UpPerson.Tokenization.Text;

/// <summary>
/// Repairs UTF-8 text that was decoded as Latin-1 or Windows-1252, such as "cafÃ©" for "café" or
/// "â€™" for "’", the most common case of what ftfy's fix_encoding undoes.
/// </summary>
/// <remarks>
/// A run is a maximal stretch of characters that each stand for one byte 0x80..0xFF in those
/// encodings. The run is replaced only when its bytes form valid UTF-8 as a whole and every
/// decoded character is plausible. The plausibility test keeps legitimate text such as "CAFÉ—" or
/// "Gruß“" as it is: the two-byte sequences it allows decode to Latin-1 Supplement and Latin
/// Extended-A letters, Greek, basic Cyrillic, Hebrew and Arabic letters. Longer sequences decode
/// to anything assigned except controls and private use.
/// NOTE: narrower than ftfy 6, which also tries other code pages (Windows-1250/1251, MacRoman,
/// CP437), restores a 0xA0 byte that became a space ("Ã la"), repairs runs that end in a lost
/// byte, and scores candidates with its "badness" heuristic. Text needing those stays unrepaired,
/// and a capital Ä or Å directly before a Windows-1252 symbol is misread ("Å—" becomes "ŗ").
/// </remarks>
internal static class MojibakeRepair
{
    private const int StackBufferLength = 256;

    public static string Repair(string text)
    {
        var runStart = FindRunStart(text, 0);
        if (runStart < 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        var copied = 0;
        while (runStart >= 0)
        {
            var runEnd = runStart;
            while (runEnd < text.Length && Windows1252.TryGetHighByte(text[runEnd], out _))
            {
                runEnd++;
            }

            var decoded = runEnd - runStart >= 2 ? TryDecodeRun(text.AsSpan(runStart, runEnd - runStart)) : null;
            if (decoded is not null)
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, runStart - copied);
                builder.Append(decoded);
                copied = runEnd;
            }

            runStart = FindRunStart(text, runEnd);
        }

        if (builder is null)
        {
            return text;
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    private static int FindRunStart(string text, int from)
    {
        for (var index = from; index < text.Length; index++)
        {
            if (text[index] >= 0x80 && Windows1252.TryGetHighByte(text[index], out _))
            {
                return index;
            }
        }

        return -1;
    }

    private static string? TryDecodeRun(ReadOnlySpan<char> run)
    {
        var bytes = run.Length <= StackBufferLength ? stackalloc byte[run.Length] : new byte[run.Length];
        for (var index = 0; index < run.Length; index++)
        {
            Windows1252.TryGetHighByte(run[index], out bytes[index]);
        }

        // UTF-8 never needs more UTF-16 units than it has bytes.
        var chars = run.Length <= StackBufferLength ? stackalloc char[run.Length] : new char[run.Length];
        var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        for (var offset = 0; offset < bytes.Length;)
        {
            Rune.DecodeFromUtf8(bytes[offset..], out var rune, out var length);
            if (!IsPlausible(rune, bytes.Slice(offset, length)))
            {
                return null;
            }

            offset += length;
        }

        return chars[..written].ToString();
    }

    private static bool IsPlausible(Rune rune, ReadOnlySpan<byte> sequence)
    {
        // A no-break space after an accented letter is common in real text (French "café »"), so
        // byte 0xA0 counts only in the two usual repairs, "Ã\u00A0" to "à" and "Â\u00A0" to a
        // no-break space.
        if (sequence[1..].Contains((byte)0xA0) && !(sequence.Length == 2 && sequence[0] is 0xC2 or 0xC3))
        {
            return false;
        }

        if (rune.Utf8SequenceLength == 2)
        {
            return rune.Value is >= 0x00A0 and <= 0x017F
                or >= 0x0386 and <= 0x03CE
                or >= 0x0400 and <= 0x045F
                or >= 0x05D0 and <= 0x05EA
                or >= 0x0620 and <= 0x064A;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is not (UnicodeCategory.Control or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate);
    }
}
