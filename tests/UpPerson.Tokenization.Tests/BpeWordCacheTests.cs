namespace UpPerson.Tokenization.Tests;

public sealed class BpeWordCacheTests
{
    [Fact]
    public void Add_AtCapacity_ClearsBeforeAdding()
    {
        var cache = new BpeWordCache(capacity: 2);
        cache.Add("man", [786]);
        cache.Add("bag", [3365]);

        cache.Add("cat", [2368]);

        Assert.Equal(1, cache.Count);
        Assert.False(cache.TryGet("man", out _));
        Assert.True(cache.TryGet("cat", out var ids));
        Assert.Equal([2368], ids);
    }

    [Fact]
    public void TryGet_Span_FindsStringKey()
    {
        var cache = new BpeWordCache(capacity: 10);
        cache.Add("coat", [5947]);

        Assert.True(cache.TryGet("a coat".AsSpan(2), out var ids));
        Assert.Equal([5947], ids);
    }
}
