namespace UpPerson.Tokenization.Tests;

// Expected strings follow OpenAI's clean-up: ftfy 6 fix_text, html.unescape twice, whitespace
// collapsed, Python's str.lower.
public sealed class ClipTextCleanerTests
{
    [Theory]
    [InlineData("The man\u2019s coat", "the man's coat")]
    [InlineData("\u2018hat\u2019 and \u201Cbag\u201D", "'hat' and \"bag\"")]
    [InlineData("\u201Alow\u201B \u201Elow\u201F", "'low' \"low\"")]
    [InlineData("rock \u02BCn\u02BC roll", "rock 'n' roll")]
    public void Clean_CurlyQuotes_AreStraightened(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Theory]
    [InlineData("\uFF34\uFF48\uFF45\u3000\uFF2D\uFF21\uFF2E", "the man")]
    [InlineData("\uFF11\uFF10\uFF1A\uFF13\uFF10\uFF01", "10:30!")]
    [InlineData("\uFF80\uFF70\uFF9D", "\u30BF\u30FC\u30F3")]
    [InlineData("\uFF76\uFF9E", "\u30AC")]
    public void Clean_FullWidthAndHalfWidthForms_AreFolded(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Theory]
    [InlineData("\uFB01ne \uFB02annel", "fine flannel")]
    [InlineData("\u0132sselmeer", "ijsselmeer")]
    public void Clean_LatinLigatures_AreSplit(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Theory]
    [InlineData("black &amp; white", "black & white")]
    [InlineData("black &amp white", "black & white")]
    [InlineData("&quot;red&quot; cap", "\"red\" cap")]
    [InlineData("&lt;3 &gt;", "<3 >")]
    [InlineData("man&#39;s &#x27;bag&#x27;", "man's 'bag'")]
    [InlineData("&copy2024 brand", "\u00A92024 brand")]
    [InlineData("this&not that", "this\u00AC that")]
    [InlineData("&amp;amp;amp;", "&")]
    [InlineData("&amp;lt;", "<")]
    [InlineData("a&nbsp;b", "a b")]
    [InlineData("&#128;5", "\u20AC5")]
    [InlineData("P&EACUTE;REZ", "p\u00E9rez")]
    [InlineData("side & a cap", "side & a cap")]
    public void Clean_HtmlEntities_AreDecoded(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_AngleBracketInText_KeepsCurlyEntity()
    {
        // Once '<' appears, ftfy leaves entities alone, so &rsquo; is decoded only afterwards by
        // html.unescape and is not straightened; without '<' ftfy decodes it first.
        Assert.Equal("<b> \u2019s", ClipTextCleaner.Clean("<b> &rsquo;s"));
        Assert.Equal("b 's", ClipTextCleaner.Clean("b &rsquo;s"));
    }

    [Theory]
    [InlineData("caf\u00C3\u00A9", "caf\u00E9")]
    [InlineData("don\u00E2\u20AC\u2122t", "don't")]
    [InlineData("\u00C3\u2030L\u00C3\u2030GANTE", "\u00E9l\u00E9gante")]
    [InlineData("\u00C3\u0089t\u00C3\u00A9", "\u00E9t\u00E9")]
    [InlineData("\u00E2\u20AC\u0153quoted\u00E2\u20AC\u009D", "\"quoted\"")]
    [InlineData("\u00C3\u0192\u00C2\u00A9", "\u00E9")]
    public void Clean_Utf8ReadAsLatin1OrWindows1252_IsRepaired(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Theory]
    [InlineData("na\u00EFve Stra\u00DFe ni\u00F1o", "na\u00EFve stra\u00DFe ni\u00F1o")]
    [InlineData("\u00C9L\u00C9GANTE", "\u00E9l\u00E9gante")]
    [InlineData("CAF\u00C9\u2014open", "caf\u00E9\u2014open")]
    [InlineData("\u201EGru\u00DF\u201C", "\"gru\u00DF\"")]
    [InlineData("CAF\u00C9\u2026", "caf\u00E9\u2026")]
    public void Clean_LegitimateAccentsNextToPunctuation_AreKept(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Theory]
    [InlineData("a\u0000b\u0007c\u007Fd", "abcd")]
    [InlineData("\uFEFFhello", "hello")]
    [InlineData("a\u000Bb\u001Cc", "abc")]
    [InlineData("\u001B[31mred\u001B[0m coat", "red coat")]
    [InlineData("wait\u0085", "wait\u2026")]
    [InlineData("man\u0092s", "man's")]
    [InlineData("\u0080 5", "\u20AC 5")]
    public void Clean_ControlCharacters_AreRemovedOrMapped(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Theory]
    [InlineData("  a \t\n b\r\n  c  ", "a b c")]
    [InlineData("a\u00A0b\u2003c\u3000d", "a b c d")]
    [InlineData("a\u2028b\u2029c", "a b c")]
    [InlineData(" \t\r\n ", "")]
    [InlineData("", "")]
    public void Clean_WhitespaceRuns_CollapseToOneSpace(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_DecomposedAccent_IsComposed()
    {
        Assert.Equal("caf\u00E9", ClipTextCleaner.Clean("cafe\u0301"));
    }

    [Theory]
    [InlineData("A Man IN Red", "a man in red")]
    [InlineData("\u039F\u0394\u039F\u03A3", "\u03BF\u03B4\u03BF\u03C2")]
    [InlineData("\u03A3\u0391", "\u03C3\u03B1")]
    [InlineData("\u03A3\u039F\u03A6\u039F\u03A3 \u0391\u039D\u0398\u03A1\u03A9\u03A0\u039F\u03A3.",
        "\u03C3\u03BF\u03C6\u03BF\u03C2 \u03B1\u03BD\u03B8\u03C1\u03C9\u03C0\u03BF\u03C2.")]
    [InlineData("\u0130stanbul", "i\u0307stanbul")]
    [InlineData("\U00010400", "\U00010428")]
    public void Clean_UpperCase_IsLoweredAsPython(string text, string expected)
    {
        Assert.Equal(expected, ClipTextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_PlainCaption_ReturnsLowerCasedInput()
    {
        Assert.Equal("a woman in a white shirt.", ClipTextCleaner.Clean("A woman in a white shirt."));
    }
}
