using System.Text;

namespace UpPerson.Datasets;

/// <summary>Finds letters outside the Latin script; digits, punctuation and symbols are ignored.</summary>
internal static class LatinScript
{
    // Unicode blocks of Latin letters: Basic Latin to Latin Extended-B, IPA Extensions, Phonetic
    // Extensions, Latin Extended Additional, Latin Extended-C, -D, -E and the full-width Latin letters.
    private static readonly (int First, int Last)[] LatinRanges =
    [
        (0x0000, 0x02AF),
        (0x1D00, 0x1DBF),
        (0x1E00, 0x1EFF),
        (0x2C60, 0x2C7F),
        (0xA720, 0xA7FF),
        (0xAB30, 0xAB6F),
        (0xFF21, 0xFF3A),
        (0xFF41, 0xFF5A),
    ];

    /// <summary>Returns the first letter of <paramref name="text"/> outside the Latin blocks, if any.</summary>
    public static bool TryFindNonLatinLetter(string text, out Rune letter)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) && !IsLatin(rune.Value))
            {
                letter = rune;
                return true;
            }
        }

        letter = default;
        return false;
    }

    private static bool IsLatin(int codePoint)
    {
        foreach (var (first, last) in LatinRanges)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return true;
            }
        }

        return false;
    }
}
