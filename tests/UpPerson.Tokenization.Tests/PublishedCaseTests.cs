namespace UpPerson.Tokenization.Tests;

// Id sequences published outside this repository: OpenAI's CLIP README example, fast-tokenizer and
// clip.tokenize outputs quoted in Hugging Face transformers bug reports, and prompts with their ids
// from apple/ml-stable-diffusion's Swift tests.
public sealed class PublishedCaseTests
{
    private readonly ClipTokenizer _tokenizer = ClipTokenizer.CreateDefault();

    [Theory]
    [InlineData("a photo of a cat", new[] { 49406, 320, 1125, 539, 320, 2368, 49407 })]
    [InlineData("a diagram", new[] { 49406, 320, 22697, 49407 })]
    [InlineData("a dog", new[] { 49406, 320, 1929, 49407 })]
    [InlineData("hello world", new[] { 49406, 3306, 1002, 49407 })]
    [InlineData("You should've done this", new[] { 49406, 592, 1535, 1200, 1700, 589, 49407 })]
    [InlineData("a photo of an astronaut riding a horse on mars",
        new[] { 49406, 320, 1125, 539, 550, 18376, 6765, 320, 4558, 525, 7496, 49407 })]
    [InlineData("Apple CoreML developer tools on a Macbook Air are fast",
        new[] { 49406, 3055, 19622, 5780, 10929, 5771, 525, 320, 20617, 1922, 631, 1953, 49407 })]
    public void Encode_PublishedText_MatchesPublishedIds(string text, int[] expected)
    {
        Assert.Equal(expected, _tokenizer.Encode(text));
    }

    [Fact]
    public void EncodeForModel_HelloWorld_PadsWithZeros()
    {
        var tokenized = _tokenizer.EncodeForModel("hello world");

        Assert.Equal(new long[] { 49406, 3306, 1002, 49407 }, tokenized.Ids[..4]);
        Assert.All(tokenized.Ids[4..], id => Assert.Equal(ClipTokenizer.PadId, id));
        Assert.Equal(ClipTokenizer.DefaultContextLength, tokenized.Ids.Length);
    }
}
