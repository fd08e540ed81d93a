using System.Text;

namespace UpPerson.Tokenization.Text;

/// <summary>
/// Lower-casing as Python's <c>str.lower</c> does it, which OpenAI's CLIP tokenizer calls.
/// </summary>
/// <remarks>
/// ToLowerInvariant differs in two places that change token ids. It leaves U+0130 (capital I with
/// dot above) as it is, where Python writes "i" + U+0307. It also has no final-sigma rule, where
/// Python turns a word-final capital sigma into U+03C2 (final small sigma).
/// </remarks>
internal static class PythonLowercase
{
    private const int CapitalSigma = 0x03A3;
    private const char SmallSigma = '\u03C3';
    private const char FinalSmallSigma = '\u03C2';
    private const int CapitalIWithDotAbove = 0x0130;
    private const string CapitalIWithDotAboveLowered = "i\u0307";

    private static readonly Dictionary<int, int> Mappings = BuildMappings();

    public static string ToLower(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsChange(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length;)
        {
            var codePoint = CodePoints.ReadAt(text, index, out var width);
            if (codePoint == CapitalSigma)
            {
                builder.Append(IsFinalSigma(text, index) ? FinalSmallSigma : SmallSigma);
            }
            else if (codePoint == CapitalIWithDotAbove)
            {
                builder.Append(CapitalIWithDotAboveLowered);
            }
            else if (Mappings.TryGetValue(codePoint, out var lower))
            {
                CodePoints.Append(builder, lower);
            }
            else
            {
                CodePoints.Append(builder, codePoint);
            }

            index += width;
        }

        return builder.ToString();
    }

    // Astral characters (surrogate pairs) always take the slow path; they are rare in captions.
    private static bool NeedsChange(string text)
    {
        foreach (var character in text)
        {
            if (char.IsAsciiLetterUpper(character))
            {
                return true;
            }

            if (character >= 0x80 && (char.IsSurrogate(character) || character == CapitalSigma
                || character == CapitalIWithDotAbove || Mappings.ContainsKey(character)))
            {
                return true;
            }
        }

        return false;
    }

    // CPython's rule: capital sigma becomes final when a cased letter precedes it and none follows,
    // skipping case-ignorable characters (marks, apostrophes, modifiers) in both directions.
    private static bool IsFinalSigma(string text, int sigmaIndex)
    {
        var before = sigmaIndex;
        var precededByCased = false;
        while (before > 0)
        {
            var codePoint = CodePoints.ReadBefore(text, before, out var width);
            before -= width;
            if (!IsCaseIgnorable(codePoint))
            {
                precededByCased = IsCased(codePoint);
                break;
            }
        }

        if (!precededByCased)
        {
            return false;
        }

        for (var after = sigmaIndex + 1; after < text.Length;)
        {
            var codePoint = CodePoints.ReadAt(text, after, out var width);
            after += width;
            if (!IsCaseIgnorable(codePoint))
            {
                return !IsCased(codePoint);
            }
        }

        return true;
    }

    private static bool IsCased(int codePoint) => InRanges(UnicodeTables.CasedRanges, codePoint);

    private static bool IsCaseIgnorable(int codePoint) => InRanges(UnicodeTables.CaseIgnorableRanges, codePoint);

    // Binary search over sorted [first, last] pairs.
    private static bool InRanges(ReadOnlySpan<int> ranges, int codePoint)
    {
        var low = 0;
        var high = ranges.Length / 2 - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (codePoint < ranges[2 * middle])
            {
                high = middle - 1;
            }
            else if (codePoint > ranges[2 * middle + 1])
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<int, int> BuildMappings()
    {
        var pairs = UnicodeTables.LowercaseMappings;
        var mappings = new Dictionary<int, int>(pairs.Length / 2);
        for (var row = 0; row < pairs.Length; row += 2)
        {
            mappings[pairs[row]] = pairs[row + 1];
        }

        return mappings;
    }
}
