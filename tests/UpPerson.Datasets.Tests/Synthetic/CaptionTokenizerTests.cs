using UpPerson.Datasets.Synthetic;

namespace UpPerson.Datasets.Tests.Synthetic;

public sealed class CaptionTokenizerTests
{
    [Fact]
    public void Tokenize_Punctuation_IsDropped()
    {
        var tokens = CaptionTokenizer.Tokenize("A man in a Red T-shirt, carrying a bag. He's walking.");

        Assert.Equal(["a", "man", "in", "a", "red", "t-shirt", "carrying", "a", "bag", "he's", "walking"], tokens);
    }

    [Fact]
    public void Tokenize_Empty_ReturnsNoToken()
    {
        Assert.Empty(CaptionTokenizer.Tokenize(" . "));
    }
}
