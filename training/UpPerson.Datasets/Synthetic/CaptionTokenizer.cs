using System.Text.RegularExpressions;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Splits a caption into the lower-case word tokens of the CUHK-PEDES "processed_tokens" field:
/// punctuation dropped, hyphenated words such as "t-shirt" kept whole.
/// </summary>
public static partial class CaptionTokenizer
{
    public static IReadOnlyList<string> Tokenize(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);

        var lower = caption.ToLowerInvariant();
        return WordPattern().Matches(lower).Select(match => match.Value).ToArray();
    }

    [GeneratedRegex("[a-z0-9]+(?:[-'][a-z0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
