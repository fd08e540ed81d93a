namespace UpPerson.Tokenization.Tests;

// The 83 reference tokenisations were made with transformers.js 3.8.1, set up as Hugging Face's
// openai/clip-vit-base-patch16 tokenizer, and checked against a port of OpenAI's simple_tokenizer.py.
// Lines 81-83 (curly apostrophe, "&amp;", full-width letters) follow OpenAI's ftfy and HTML clean-up.
public sealed class GoldenTokenizationTests
{
    private const int GoldenLineCount = 83;

    private readonly ClipTokenizer _tokenizer = ClipTokenizer.CreateDefault();

    public static TheoryData<int> GoldenLineNumbers() => new(Enumerable.Range(1, GoldenLineCount));

    [Fact]
    public void GoldenFile_LineCount_Is83()
    {
        Assert.Equal(GoldenLineCount, ReferenceData.GoldenLines.Count);
    }

    [Theory]
    [MemberData(nameof(GoldenLineNumbers))]
    public void Encode_GoldenLine_MatchesIds(int line)
    {
        var golden = ReferenceData.GoldenLines[line - 1];

        Assert.Equal(golden.Ids, _tokenizer.Encode(golden.Text));
    }

    [Theory]
    [MemberData(nameof(GoldenLineNumbers))]
    public void EncodeForModel_GoldenLine_MatchesIds77(int line)
    {
        var golden = ReferenceData.GoldenLines[line - 1];

        var tokenized = _tokenizer.EncodeForModel(golden.Text);

        Assert.Equal(golden.Ids77.Select(id => (long)id), tokenized.Ids);
        Assert.Equal(golden.Ids.Length, tokenized.TokenCount);
        Assert.Equal(golden.Ids.Length > ClipTokenizer.DefaultContextLength, tokenized.Truncated);
    }
}
