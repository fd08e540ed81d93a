using UpPerson.Tokenization;

namespace UpPerson.Standalone.Search;

/// <summary>Checks an investigator's description before it is embedded.</summary>
public static class QueryText
{
    /// <summary>Throws <see cref="ArgumentException"/> for an empty or over-long description.</summary>
    public static void Validate(string text, TokenizedText tokens, int contextLength, bool allowTruncation)
    {
        if (string.IsNullOrWhiteSpace(text) || tokens.TokenCount <= 2)
        {
            throw new ArgumentException(
                $"The search text '{text}' contains no words. Describe the person, for example \"a man in a red jacket carrying a black backpack\".");
        }

        if (tokens.Truncated && !allowTruncation)
        {
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            throw new ArgumentException(
                $"The search text has {words} words ({tokens.TokenCount} tokens), but the text encoder reads only {contextLength} tokens " +
                $"(about {contextLength * 3 / 4} words), so the end would be ignored. Shorten the description to the person's most distinctive features, " +
                "or pass --allow-truncation to search with the first part.");
        }
    }
}
