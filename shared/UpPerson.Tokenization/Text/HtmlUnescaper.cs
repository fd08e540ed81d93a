using System.Buffers;
using System.Text;

namespace UpPerson.Tokenization.Text;

/// <summary>
/// HTML character-reference decoding in the two flavours OpenAI's CLIP tokenizer applies: Python's
/// <c>html.unescape</c> and the stricter pass inside <c>ftfy.fix_text</c>.
/// </summary>
/// <remarks>
/// WebUtility.HtmlDecode is not used because it covers only the HTML 4 names and requires the
/// semicolon, while Python also decodes "&amp;amp", "&amp;copy2024" (as "©2024") and "&amp;#39".
/// The names and values come from Python's html.entities.html5 (see HtmlEntityTable.g.cs): all
/// 2,125 HTML5 names with a semicolon, and 106 legacy names that also work without one. Those are
/// the Latin-1 names from nbsp to yuml, amp, lt, gt and quot, and AMP, COPY, GT, LT, QUOT and REG.
/// </remarks>
internal static class HtmlUnescaper
{
    private const int MaxNameLength = 32;
    private const int MaxFtfyNameLength = 24;
    private const string ReplacementCharacter = "\uFFFD";

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Html5Names =
        HtmlEntityTable.Html5.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> FtfyUppercaseNames =
        HtmlEntityTable.FtfyUppercase.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Decodes references exactly as Python 3's <c>html.unescape</c> does.</summary>
    public static string Unescape(string text)
    {
        var ampersand = text.IndexOf('&');
        if (ampersand < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (ampersand >= 0)
        {
            builder.Append(text, copied, ampersand - copied);
            var consumed = DecodeReference(text, ampersand + 1, builder);
            copied = ampersand + 1 + consumed;
            if (consumed == 0)
            {
                builder.Append('&');
            }

            ampersand = copied < text.Length ? text.IndexOf('&', copied) : -1;
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    /// <summary>
    /// Decodes only references that end in a semicolon, plus all-caps names such as
    /// "&amp;NTILDE;", as ftfy 6's <c>unescape_html</c> does.
    /// </summary>
    public static string UnescapeLikeFtfy(string text)
    {
        var ampersand = text.IndexOf('&');
        if (ampersand < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (ampersand >= 0)
        {
            builder.Append(text, copied, ampersand - copied);
            copied = ampersand + 1;
            var value = DecodeFtfyReference(text, ampersand, out var length);
            if (value is not null)
            {
                builder.Append(value);
                copied = ampersand + length;
            }
            else
            {
                builder.Append('&');
            }

            ampersand = copied < text.Length ? text.IndexOf('&', copied) : -1;
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    // Matches Python's pattern &(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?) at
    // `start` (just after the ampersand), appends the decoded text and returns the number of
    // characters consumed after the ampersand, or 0 when nothing matches.
    private static int DecodeReference(string text, int start, StringBuilder output)
    {
        if (start < text.Length && text[start] == '#')
        {
            return DecodeNumericReference(text, start, output);
        }

        var end = start;
        while (end < text.Length && end - start < MaxNameLength && IsNameCharacter(text[end]))
        {
            end++;
        }

        if (end == start)
        {
            return 0;
        }

        if (end < text.Length && text[end] == ';')
        {
            end++;
        }

        var name = text.AsSpan(start, end - start);
        if (Html5Names.TryGetValue(name, out var value))
        {
            output.Append(value);
            return end - start;
        }

        // Python falls back to the longest known prefix of at least two characters. The name contains
        // no semicolon, so only the legacy names that need none can match here.
        for (var prefixLength = name.Length - 1; prefixLength > 1; prefixLength--)
        {
            if (Html5Names.TryGetValue(name[..prefixLength], out value))
            {
                output.Append(value);
                output.Append(name[prefixLength..]);
                return end - start;
            }
        }

        output.Append('&');
        output.Append(name);
        return end - start;
    }

    private static int DecodeNumericReference(string text, int hashIndex, StringBuilder output)
    {
        var digitsStart = hashIndex + 1;
        var hexadecimal = digitsStart < text.Length && text[digitsStart] is 'x' or 'X';
        if (hexadecimal)
        {
            digitsStart++;
        }

        var end = digitsStart;
        while (end < text.Length && (hexadecimal ? char.IsAsciiHexDigit(text[end]) : char.IsAsciiDigit(text[end])))
        {
            end++;
        }

        if (end == digitsStart)
        {
            // "&#" or "&#x" without digits: '#' cannot start a name either, so nothing matches.
            return 0;
        }

        output.Append(DecodeCodePoint(ParseCodePoint(text.AsSpan(digitsStart, end - digitsStart), hexadecimal)));
        if (end < text.Length && text[end] == ';')
        {
            end++;
        }

        return end - hashIndex;
    }

    // Returns -1 for values beyond U+10FFFF, however many digits they have.
    private static int ParseCodePoint(ReadOnlySpan<char> digits, bool hexadecimal)
    {
        var value = 0L;
        foreach (var digit in digits)
        {
            value = hexadecimal ? value * 16 + HexValue(digit) : value * 10 + (digit - '0');
            if (value > 0x10FFFF)
            {
                return -1;
            }
        }

        return (int)value;
    }

    private static int HexValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    // Python's rules: a few values are remapped, surrogates and out-of-range values become U+FFFD,
    // and the code points HTML forbids (most controls, noncharacters) are dropped.
    private static string DecodeCodePoint(int codePoint)
    {
        switch (codePoint)
        {
            case 0x00:
                return ReplacementCharacter;
            case 0x0D:
                return "\r";
            case >= 0x80 and <= 0x9F:
                return Windows1252.HighControlRange[codePoint - 0x80].ToString();
            case < 0:
            case >= 0xD800 and <= 0xDFFF:
                return ReplacementCharacter;
        }

        var forbidden = codePoint is >= 0x01 and <= 0x08 or 0x0B or >= 0x0E and <= 0x1F or 0x7F
            or >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
        return forbidden ? string.Empty : char.ConvertFromUtf32(codePoint);
    }

    private static bool IsNameCharacter(char character) =>
        character is not ('\t' or '\n' or '\f' or ' ' or '<' or '&' or '#' or ';');

    // Matches ftfy's pattern &#?[0-9A-Za-z]{1,24}; at `ampersand` and returns the decoded text, or
    // null when the pattern does not match or ftfy would leave the reference as it is. `length`
    // counts from the ampersand through the semicolon.
    private static string? DecodeFtfyReference(string text, int ampersand, out int length)
    {
        length = 0;
        var nameStart = ampersand + 1;
        var numeric = nameStart < text.Length && text[nameStart] == '#';
        if (numeric)
        {
            nameStart++;
        }

        var end = nameStart;
        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        if (end == nameStart || end - nameStart > MaxFtfyNameLength || end >= text.Length || text[end] != ';')
        {
            return null;
        }

        length = end + 1 - ampersand;
        if (!numeric)
        {
            var name = text.AsSpan(nameStart, end + 1 - nameStart);
            if (Html5Names.TryGetValue(name, out var named) || FtfyUppercaseNames.TryGetValue(name, out named))
            {
                return named;
            }

            return null;
        }

        // ftfy hands "&#...;" to html.unescape and keeps the result only when the semicolon was
        // consumed, so everything between '#' and ';' must be the digits of one number.
        var digits = text.AsSpan(nameStart, end - nameStart);
        var hexadecimal = digits[0] is 'x' or 'X';
        if (hexadecimal)
        {
            digits = digits[1..];
        }

        var allDigits = digits.Length > 0
            && (hexadecimal ? !digits.ContainsAnyExcept(HexDigits) : !digits.ContainsAnyExceptInRange('0', '9'));
        if (!allDigits)
        {
            return null;
        }

        // A decoded ';' (from "&#59;") fails the same test, so ftfy leaves that reference escaped.
        var decoded = DecodeCodePoint(ParseCodePoint(digits, hexadecimal));
        return decoded == ";" ? null : decoded;
    }
}
