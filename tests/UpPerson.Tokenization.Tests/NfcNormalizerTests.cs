using UpPerson.Tokenization.Text;

namespace UpPerson.Tokenization.Tests;

// Expected values are Python 3.11's unicodedata.normalize("NFC", text) (Unicode 14).
public sealed class NfcNormalizerTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("\u00E9", "\u00E9")]
    [InlineData("a\u0323\u0302", "\u1EAD")]
    [InlineData("a\u0302\u0323", "\u1EAD")]
    [InlineData("u\u0308\u0304", "\u01D6")]
    [InlineData("\u212B", "\u00C5")]
    [InlineData("\u0958", "\u0915\u093C")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("\uAC00\u11A8", "\uAC01")]
    [InlineData("\u304B\u3099", "\u304C")]
    [InlineData("e\u0301\u0301", "\u00E9\u0301")]
    [InlineData("\U0001D15E", "\U0001D157\U0001D165")]
    public void Normalize_Text_MatchesPythonNfc(string text, string expected)
    {
        Assert.Equal(expected, NfcNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_UnpairedSurrogate_IsKept()
    {
        var text = "a\uD800\u0301b";

        Assert.Equal(text, NfcNormalizer.Normalize(text));
    }
}
