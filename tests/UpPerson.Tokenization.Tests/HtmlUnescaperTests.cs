using UpPerson.Tokenization.Text;

namespace UpPerson.Tokenization.Tests;

// Expected values are what Python 3.11's html.unescape returns for the same input.
public sealed class HtmlUnescaperTests
{
    [Theory]
    [InlineData("no entities", "no entities")]
    [InlineData("&amp;", "&")]
    [InlineData("&amp", "&")]
    [InlineData("&ampx;", "&x;")]
    [InlineData("&notin; &notit", "\u2209 \u00ACit")]
    [InlineData("&#65&#x42;&#X43", "ABC")]
    [InlineData("&#0;", "\uFFFD")]
    [InlineData("&#13;", "\r")]
    [InlineData("&#150;", "\u2013")]
    [InlineData("&#xD800;", "\uFFFD")]
    [InlineData("&#1114112;", "\uFFFD")]
    [InlineData("&#99999999999999999999;", "\uFFFD")]
    [InlineData("a&#1;b&#xFFFF;c", "abc")]
    [InlineData("&#128512;", "\U0001F600")]
    [InlineData("&#; &#x; & &;", "&#; &#x; & &;")]
    [InlineData("&unknown;", "&unknown;")]
    [InlineData("&&amp;&", "&&&")]
    [InlineData("&NewLine;&Tab;", "\n\t")]
    public void Unescape_Reference_MatchesPython(string text, string expected)
    {
        Assert.Equal(expected, HtmlUnescaper.Unescape(text));
    }

    [Theory]
    [InlineData("&amp;", "&")]
    [InlineData("&amp", "&amp")]
    [InlineData("&#39;", "'")]
    [InlineData("&#39", "&#39")]
    [InlineData("&#59;", "&#59;")]
    [InlineData("&#65a;", "&#65a;")]
    [InlineData("&NTILDE; &nTILDE;", "\u00D1 &nTILDE;")]
    [InlineData("&copy2024", "&copy2024")]
    public void UnescapeLikeFtfy_Reference_RequiresSemicolon(string text, string expected)
    {
        Assert.Equal(expected, HtmlUnescaper.UnescapeLikeFtfy(text));
    }
}
