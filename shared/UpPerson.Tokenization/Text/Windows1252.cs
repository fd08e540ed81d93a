namespace UpPerson.Tokenization.Text;

/// <summary>
/// The part of Windows-1252 that differs from Latin-1: bytes 0x80..0x9F, as the "sloppy" variant
/// that ftfy and browsers use (the five undefined bytes map to the C1 control of the same value).
/// </summary>
internal static class Windows1252
{
    /// <summary>The character for each byte 0x80..0x9F, indexed from 0x80.</summary>
    public const string HighControlRange =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private static readonly Dictionary<char, byte> ByteOfCharacter = BuildByteOfCharacter();

    /// <summary>
    /// Finds the byte 0x80..0xFF that decodes to <paramref name="character"/> in Latin-1 or in
    /// Windows-1252, the two decodings that turn UTF-8 into the usual mojibake.
    /// </summary>
    public static bool TryGetHighByte(char character, out byte value)
    {
        if (character is >= '\u0080' and <= '\u00FF')
        {
            value = (byte)character;
            return true;
        }

        return ByteOfCharacter.TryGetValue(character, out value);
    }

    private static Dictionary<char, byte> BuildByteOfCharacter()
    {
        var map = new Dictionary<char, byte>();
        for (var offset = 0; offset < HighControlRange.Length; offset++)
        {
            map.TryAdd(HighControlRange[offset], (byte)(0x80 + offset));
        }

        return map;
    }
}
