namespace UpPerson.Tokenization;

/// <summary>
/// GPT-2's <c>bytes_to_unicode</c> table, which CLIP reuses: every byte value gets a printable
/// character so that BPE can work on text. Bytes that are printable Latin-1 ('!'..'~', '¡'..'¬',
/// '®'..'ÿ') stand for themselves; the other 68 get U+0100, U+0101, … in byte order.
/// </summary>
internal static class ByteLevelAlphabet
{
    /// <summary>The character standing for each byte, indexed by byte value.</summary>
    public static readonly char[] CharacterOfByte = BuildCharacterOfByte();

    /// <summary>Byte values in vocabulary order: the self-standing bytes first, then the rest.</summary>
    public static readonly byte[] VocabularyOrder = BuildVocabularyOrder();

    private static readonly Dictionary<char, byte> ByteOfCharacter =
        Enumerable.Range(0, 256).ToDictionary(value => CharacterOfByte[value], value => (byte)value);

    public static bool TryGetByte(char character, out byte value) => ByteOfCharacter.TryGetValue(character, out value);

    private static bool StandsForItself(int value) =>
        value is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;

    private static char[] BuildCharacterOfByte()
    {
        var characters = new char[256];
        var next = 256;
        for (var value = 0; value < 256; value++)
        {
            characters[value] = StandsForItself(value) ? (char)value : (char)next++;
        }

        return characters;
    }

    private static byte[] BuildVocabularyOrder()
    {
        var values = Enumerable.Range(0, 256);
        return values.Where(StandsForItself).Concat(values.Where(value => !StandsForItself(value)))
            .Select(value => (byte)value)
            .ToArray();
    }
}
