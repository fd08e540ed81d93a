using System.Text;
using UpPerson.Tokenization.Text;

namespace UpPerson.Tokenization;

/// <summary>
/// Text clean-up that OpenAI's CLIP tokenizer (<c>simple_tokenizer.py</c>) runs before splitting:
/// <c>ftfy.fix_text</c>, <c>html.unescape</c> twice, whitespace runs to one space, trim,
/// <c>str.lower</c>.
/// </summary>
/// <remarks>
/// For ordinary text this equals Hugging Face's CLIP normaliser (NFC, whitespace, lower case). The
/// two differ on curly quotes, HTML entities, full-width letters, ligatures, mojibake and control
/// characters, and this class follows OpenAI there because UP-Person was trained with OpenAI's
/// tokenizer. NFC runs inside the ftfy step, as in ftfy, so text produced by the later HTML
/// decoding is not recomposed.
/// </remarks>
public static class ClipTextCleaner
{
    /// <summary>Cleans <paramref name="text"/> as CLIP does before pre-tokenisation.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var fixedText = FtfyFixer.FixText(text);
        var unescaped = HtmlUnescaper.Unescape(HtmlUnescaper.Unescape(fixedText));
        var collapsed = CollapseWhitespace(unescaped);
        return PythonLowercase.ToLower(collapsed);
    }

    /// <summary>
    /// Replaces each whitespace run with one space and trims both ends. The whitespace set is
    /// Unicode White_Space, which is what both char.IsWhiteSpace and Python's regex module's
    /// <c>\s</c> match.
    /// </summary>
    internal static string CollapseWhitespace(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (!NeedsCollapse(text, start, end))
        {
            return start == 0 && end == text.Length ? text : text[start..end];
        }

        var builder = new StringBuilder(end - start);
        var previousWasSpace = false;
        for (var index = start; index < end; index++)
        {
            var character = text[index];
            if (char.IsWhiteSpace(character))
            {
                if (!previousWasSpace)
                {
                    builder.Append(' ');
                }

                previousWasSpace = true;
            }
            else
            {
                builder.Append(character);
                previousWasSpace = false;
            }
        }

        return builder.ToString();
    }

    // True when the trimmed range contains whitespace other than single ASCII spaces.
    private static bool NeedsCollapse(string text, int start, int end)
    {
        for (var index = start; index < end; index++)
        {
            var character = text[index];
            if (character == ' ' ? text[index + 1] == ' ' : char.IsWhiteSpace(character))
            {
                return true;
            }
        }

        return false;
    }
}
