using System.Text;

namespace UpPerson.Tokenization.Text;

/// <summary>
/// Code-point access to UTF-16 strings that, unlike Rune, keeps unpaired surrogates as their own
/// values, as Python strings do.
/// </summary>
internal static class CodePoints
{
    public static int ReadAt(string text, int index, out int width)
    {
        var high = text[index];
        if (char.IsHighSurrogate(high) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(high, text[index + 1]);
        }

        width = 1;
        return high;
    }

    public static int ReadBefore(string text, int end, out int width)
    {
        var low = text[end - 1];
        if (char.IsLowSurrogate(low) && end >= 2 && char.IsHighSurrogate(text[end - 2]))
        {
            width = 2;
            return char.ConvertToUtf32(text[end - 2], low);
        }

        width = 1;
        return low;
    }

    public static void Append(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
    }
}
