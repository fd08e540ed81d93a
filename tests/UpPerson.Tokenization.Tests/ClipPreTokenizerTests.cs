namespace UpPerson.Tokenization.Tests;

// Expected pieces are what Python's regex module (2026.5.9) finds with CLIP's pattern.
public sealed class ClipPreTokenizerTests
{
    [Theory]
    [InlineData("she's 25 <|endoftext|>!!'s 'sun", new[] { "she", "'s", "2", "5", "<|endoftext|>", "!!'", "s", "'s", "un" })]
    [InlineData("man's-bag,'90s rock 'n' roll",
        new[] { "man", "'s", "-", "bag", ",'", "9", "0", "s", "rock", "'", "n", "'", "roll" })]
    [InlineData("\U0001D400\U0001D401x\U0001D7CF \u00BD\u2167 \U0001F600\U0001F3FD.",
        new[] { "\U0001D400\U0001D401x", "\U0001D7CF", "\u00BD", "\u2167", "\U0001F600\U0001F3FD." })]
    [InlineData("e\u0301 \u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22", new[] { "e", "\u0301", "\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22" })]
    [InlineData("a<|endoftext|>!<|startoftext|>", new[] { "a", "<|endoftext|>", "!<|", "startoftext", "|>" })]
    [InlineData(" \t\u00A0 ", new string[0])]
    public void Split_Text_MatchesClipPattern(string text, string[] expected)
    {
        var pieces = new List<string>();
        foreach (var (start, length) in new ClipPreTokenizer(text))
        {
            pieces.Add(text.Substring(start, length));
        }

        Assert.Equal(expected, pieces);
    }
}
