namespace UpPerson.Tokenization.Tests;

public sealed class ClipTokenizerTests
{
    private readonly ClipTokenizer _tokenizer = ClipTokenizer.CreateDefault();

    [Fact]
    public void CreateDefault_CalledTwice_ReturnsSameInstance()
    {
        Assert.Same(ClipTokenizer.CreateDefault(), ClipTokenizer.CreateDefault());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n\u00A0")]
    public void Encode_EmptyOrWhitespace_ReturnsStartAndEnd(string text)
    {
        Assert.Equal(new[] { ClipTokenizer.StartOfTextId, ClipTokenizer.EndOfTextId }, _tokenizer.Encode(text));

        var tokenized = _tokenizer.EncodeForModel(text);
        Assert.Equal(2, tokenized.TokenCount);
        Assert.False(tokenized.Truncated);
        Assert.Equal(new long[] { ClipTokenizer.StartOfTextId, ClipTokenizer.EndOfTextId }, tokenized.Ids[..2]);
        Assert.All(tokenized.Ids[2..], id => Assert.Equal(ClipTokenizer.PadId, id));
    }

    [Fact]
    public void EncodeForModel_ExactFit_NeitherCutNorPadded()
    {
        // 75 single-token words plus start and end fill the 77 positions.
        var text = string.Join(' ', Enumerable.Repeat("man", ClipTokenizer.DefaultContextLength - 2));

        var tokenized = _tokenizer.EncodeForModel(text);

        Assert.Equal(ClipTokenizer.DefaultContextLength, tokenized.TokenCount);
        Assert.False(tokenized.Truncated);
        Assert.Equal(ClipTokenizer.EndOfTextId, tokenized.Ids[^1]);
        Assert.DoesNotContain((long)ClipTokenizer.PadId, tokenized.Ids);
    }

    [Fact]
    public void EncodeForModel_OneTokenTooMany_EndsWithEndOfText()
    {
        var text = string.Join(' ', Enumerable.Repeat("man", ClipTokenizer.DefaultContextLength - 1));
        var full = _tokenizer.Encode(text);

        var tokenized = _tokenizer.EncodeForModel(text);

        Assert.Equal(ClipTokenizer.DefaultContextLength + 1, tokenized.TokenCount);
        Assert.True(tokenized.Truncated);
        Assert.Equal(full.Take(ClipTokenizer.DefaultContextLength - 1).Select(id => (long)id), tokenized.Ids[..^1]);
        Assert.Equal(ClipTokenizer.EndOfTextId, tokenized.Ids[^1]);
    }

    [Fact]
    public void Encode_FiveHundredWordCaption_KeepsEveryToken()
    {
        var words = new[] { "the", "woman", "wears", "a", "long", "red", "coat", "and", "black", "boots" };
        var text = string.Join(' ', Enumerable.Range(0, 500).Select(index => words[index % words.Length]));

        var ids = _tokenizer.Encode(text);
        var tokenized = _tokenizer.EncodeForModel(text);

        Assert.Equal(502, ids.Count);
        Assert.Equal(ClipTokenizer.StartOfTextId, ids[0]);
        Assert.Equal(ClipTokenizer.EndOfTextId, ids[^1]);
        Assert.Equal(502, tokenized.TokenCount);
        Assert.True(tokenized.Truncated);
        Assert.Equal(ClipTokenizer.DefaultContextLength, tokenized.Ids.Length);
        Assert.Equal(ids.Take(76).Select(id => (long)id), tokenized.Ids[..76]);
        Assert.Equal(ClipTokenizer.EndOfTextId, tokenized.Ids[76]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(248)]
    public void EncodeForModel_CustomContextLength_HasThatLength(int contextLength)
    {
        var tokenized = _tokenizer.EncodeForModel("a man in a red jacket carries a bag", contextLength);

        Assert.Equal(contextLength, tokenized.Ids.Length);
        Assert.Equal(ClipTokenizer.StartOfTextId, tokenized.Ids[0]);
        Assert.Equal(11, tokenized.TokenCount);
        Assert.Equal(tokenized.TokenCount > contextLength, tokenized.Truncated);
        Assert.Contains((long)ClipTokenizer.EndOfTextId, tokenized.Ids);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-77)]
    public void EncodeForModel_ContextLengthBelowTwo_Throws(int contextLength)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.EncodeForModel("a cat", contextLength));

        Assert.Equal("contextLength", exception.ParamName);
        Assert.Equal(contextLength, exception.ActualValue);
    }

    [Fact]
    public void Encode_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _tokenizer.Encode(null!));
        Assert.Throws<ArgumentNullException>(() => _tokenizer.EncodeForModel(null!));
    }

    [Fact]
    public void Encode_LiteralSpecialToken_MapsToSpecialId()
    {
        var ids = _tokenizer.Encode("a cat<|endoftext|>");

        Assert.Equal(new[] { 49406, 320, 2368, 49407, 49407 }, ids);
    }

    [Fact]
    public void Encode_ContractionAfterWord_SplitsOffApostrophe()
    {
        // "'s" is its own piece, and the same ids result from the curly apostrophe after cleaning.
        Assert.Equal(_tokenizer.Encode("man's bag"), _tokenizer.Encode("man\u2019s bag"));
        Assert.Equal(new[] { 49406, 786, 568, 3365, 49407 }, _tokenizer.Encode("man's bag"));
    }

    [Theory]
    [InlineData("a photo of a cat")]
    [InlineData("the man has short black hair and is wearing a grey jacket blue jeans and white sneakers")]
    [InlineData("a young girl in a pink dress carries a small yellow umbrella")]
    [InlineData("she is about 3 meters away and holds 2 bags")]
    public void Decode_AsciiCaption_RoundTrips(string caption)
    {
        var ids = _tokenizer.Encode(caption);

        Assert.Equal(caption, _tokenizer.Decode(ids));
    }

    [Theory]
    [InlineData("The man's jacket, blue & white; shirt.His bag -- 50% off!")]
    [InlineData("café naïve 東京 🙂 ❤️")]
    [InlineData("she is 25 years old")]
    public void Decode_EncodedText_ReencodesToSameIds(string text)
    {
        var ids = _tokenizer.Encode(text);

        var decoded = _tokenizer.Decode(ids);

        Assert.Equal(ids, _tokenizer.Encode(decoded));
    }

    [Fact]
    public void Decode_PaddedIds_IgnoresPadding()
    {
        var tokenized = _tokenizer.EncodeForModel("hello world");

        Assert.Equal("hello world", _tokenizer.Decode(tokenized.Ids.Select(id => (int)id)));
    }

    [Fact]
    public void Decode_MaskId_IsSkipped()
    {
        var ids = new[] { ClipTokenizer.StartOfTextId, 320, ClipTokenizer.MaskId, 2368, ClipTokenizer.EndOfTextId };

        Assert.Equal("a cat", _tokenizer.Decode(ids));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(ClipTokenizer.VocabSize)]
    public void Decode_IdOutsideVocabulary_Throws(int id)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Decode(new[] { 320, id }));

        Assert.Equal(id, exception.ActualValue);
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message);
    }

    [Fact]
    public async Task Encode_ConcurrentCalls_GiveSameIdsAsSequential()
    {
        var texts = ReferenceData.GoldenLines.Select(golden => golden.Text)
            .Concat(Enumerable.Range(0, 200).Select(index => $"person {index} wears a coat number {index * 7} and carries bag{index}"))
            .ToArray();
        var expected = texts.Select(text => _tokenizer.Encode(text).ToArray()).ToArray();

        // A fresh instance, so the threads also race on filling the word caches.
        var shared = ClipTokenizer.Load(ReferenceData.MergesGzPath);
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var results = new int[texts.Length][];
            for (var round = 0; round < 5; round++)
            {
                for (var step = 0; step < texts.Length; step++)
                {
                    var index = (step * 7 + worker * 13 + round) % texts.Length;
                    results[index] = shared.Encode(texts[index]).ToArray();
                }
            }

            return results;
        }));

        var allResults = await Task.WhenAll(workers);

        foreach (var results in allResults)
        {
            for (var index = 0; index < texts.Length; index++)
            {
                Assert.Equal(expected[index], results[index]);
            }
        }
    }
}
