using System.Buffers;
using System.Text;

namespace UpPerson.Tokenization.Text;

/// <summary>
/// The fixes of ftfy 6's <c>fix_text</c> with its default settings, which OpenAI's CLIP tokenizer
/// applies first, in ftfy's order and with its repeat-until-unchanged loop.
/// </summary>
/// <remarks>
/// Steps per pass: decode HTML entities (semicolon form only, skipped once a line contains '&lt;'),
/// repair mojibake (see <see cref="MojibakeRepair"/> for what is covered), map C1 controls through
/// Windows-1252, split Latin ligatures, fold half-width and full-width forms, straighten quotes,
/// turn line breaks into "\n", replace unpaired surrogates, drop terminal escape sequences and
/// control characters, then NFC. Character tables are ftfy 6's (chardata.py).
/// </remarks>
internal static class FtfyFixer
{
    // ftfy repeats its passes until the text stops changing, because nested escapes ("&amp;amp;")
    // and double mojibake need one pass per layer. The cap bounds the work if some input never settles.
    private const int MaxPasses = 16;

    private const char Escape = '\u001B';
    private const char ReplacementCharacter = '\uFFFD';

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\u0085\u2028\u2029");

    private static readonly Dictionary<char, string> Ligatures = new()
    {
        ['\u0132'] = "IJ", ['\u0133'] = "ij", ['\u0149'] = "\u02BCn",
        ['\u01F1'] = "DZ", ['\u01F2'] = "Dz", ['\u01F3'] = "dz",
        ['\u01C4'] = "D\u017D", ['\u01C5'] = "D\u017E", ['\u01C6'] = "d\u017E",
        ['\u01C7'] = "LJ", ['\u01C8'] = "Lj", ['\u01C9'] = "lj",
        ['\u01CA'] = "NJ", ['\u01CB'] = "Nj", ['\u01CC'] = "nj",
        ['\uFB00'] = "ff", ['\uFB01'] = "fi", ['\uFB02'] = "fl", ['\uFB03'] = "ffi",
        ['\uFB04'] = "ffl", ['\uFB05'] = "\u017Ft", ['\uFB06'] = "st",
    };

    public static string FixText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsUntouched(text))
        {
            return text;
        }

        // ftfy works line by line, and the first line containing '<' turns entity decoding off
        // for itself and every later line, because the text may then be real HTML.
        var builder = new StringBuilder(text.Length);
        var decodeEntities = true;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline + 1;
            var line = lineStart == 0 && lineEnd == text.Length ? text : text[lineStart..lineEnd];
            decodeEntities &= !line.Contains('<');
            builder.Append(FixLine(line, decodeEntities));
            lineStart = lineEnd;
        }

        return builder.ToString();
    }

    // Printable ASCII with tabs, newlines and form feeds and no '&' is what ftfy leaves unchanged.
    private static bool IsUntouched(string text)
    {
        foreach (var character in text)
        {
            if (character is not ((>= ' ' and <= '~' and not '&') or '\t' or '\n' or '\f'))
            {
                return false;
            }
        }

        return true;
    }

    private static string FixLine(string line, bool decodeEntities)
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var before = line;
            if (decodeEntities)
            {
                line = HtmlUnescaper.UnescapeLikeFtfy(line);
            }

            line = MojibakeRepair.Repair(line);
            line = Map(line, FixC1Control);
            line = Map(line, SplitLigature);
            line = Map(line, FoldWidth);
            line = Map(line, UncurlQuote);
            line = NormalizeLineBreaks(line);
            line = ReplaceUnpairedSurrogates(line);
            line = RemoveTerminalEscapes(line);
            line = RemoveControlCharacters(line);
            line = NfcNormalizer.Normalize(line);
            if (line == before)
            {
                break;
            }
        }

        return line;
    }

    // Applies a per-character replacement (null keeps the character) and allocates only on change.
    private static string Map(string text, Func<char, string?> replace)
    {
        StringBuilder? builder = null;
        for (var index = 0; index < text.Length; index++)
        {
            var replacement = replace(text[index]);
            if (replacement is null)
            {
                builder?.Append(text[index]);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, index);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? text;
    }

    // Browsers read stray C1 controls as Windows-1252; U+0085 becomes an ellipsis this way.
    private static string? FixC1Control(char character) =>
        character is >= '\u0080' and <= '\u009F'
            ? Windows1252.HighControlRange[character - 0x80].ToString()
            : null;

    private static string? SplitLigature(char character) =>
        Ligatures.TryGetValue(character, out var letters) ? letters : null;

    private static string? FoldWidth(char character) => character switch
    {
        '\u3000' => " ",
        >= '\uFF01' and <= '\uFFEF' => UnicodeTables.HalfwidthFullwidthFolds[character - 0xFF01],
        _ => null,
    };

    private static string? UncurlQuote(char character) => character switch
    {
        '\u02BC' or (>= '\u2018' and <= '\u201B') => "'",
        >= '\u201C' and <= '\u201F' => "\"",
        _ => null,
    };

    private static string NormalizeLineBreaks(string text)
    {
        if (!text.AsSpan().ContainsAny(LineBreaks))
        {
            return text;
        }

        return text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n')
            .Replace('\u0085', '\n');
    }

    private static string ReplaceUnpairedSurrogates(string text)
    {
        char[]? copy = null;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }

            if (char.IsSurrogate(character))
            {
                copy ??= text.ToCharArray();
                copy[index] = ReplacementCharacter;
            }
        }

        return copy is null ? text : new string(copy);
    }

    // ANSI sequences ESC '[' (digits or ';')* letter, as ftfy's pattern \033\[((?:\d|;)*)([a-zA-Z]).
    private static string RemoveTerminalEscapes(string text)
    {
        var escape = text.IndexOf(Escape);
        if (escape < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (; escape >= 0; escape = text.IndexOf(Escape, escape + 1))
        {
            if (escape < copied || escape + 1 >= text.Length || text[escape + 1] != '[')
            {
                continue;
            }

            var end = escape + 2;
            while (end < text.Length && (char.IsDigit(text[end]) || text[end] == ';'))
            {
                end++;
            }

            if (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                builder.Append(text, copied, escape - copied);
                copied = end + 1;
            }
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    private static string RemoveControlCharacters(string text)
    {
        StringBuilder? builder = null;
        for (var index = 0; index < text.Length;)
        {
            var codePoint = CodePoints.ReadAt(text, index, out var width);
            if (IsRemovedControl(codePoint))
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, index);
            }
            else
            {
                builder?.Append(text, index, width);
            }

            index += width;
        }

        return builder?.ToString() ?? text;
    }

    // ftfy keeps \t, \n, \f and \r, the C1 range (handled above), bidirectional controls and joiners.
    private static bool IsRemovedControl(int codePoint) => codePoint is
        (>= 0x00 and <= 0x08) or 0x0B or (>= 0x0E and <= 0x1F) or 0x7F
        or (>= 0x206A and <= 0x206F) or 0xFEFF or (>= 0xFFF9 and <= 0xFFFC)
        or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE007F);
}
