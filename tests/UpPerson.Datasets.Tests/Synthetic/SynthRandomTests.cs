using UpPerson.Datasets.Synthetic;

namespace UpPerson.Datasets.Tests.Synthetic;

public sealed class SynthRandomTests
{
    [Fact]
    public void ForKeys_SameKeys_GiveSameStream()
    {
        var first = SynthRandom.ForKeys(42, 2, 17, 3);
        var second = SynthRandom.ForKeys(42, 2, 17, 3);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(first.NextUInt64(), second.NextUInt64());
        }
    }

    [Fact]
    public void ForKeys_OtherKeyOrSeed_GiveOtherStream()
    {
        var reference = SynthRandom.ForKeys(42, 2, 17, 3).NextUInt64();

        Assert.NotEqual(reference, SynthRandom.ForKeys(42, 2, 17, 4).NextUInt64());
        Assert.NotEqual(reference, SynthRandom.ForKeys(42, 2, 3, 17).NextUInt64());
        Assert.NotEqual(reference, SynthRandom.ForKeys(43, 2, 17, 3).NextUInt64());
    }

    [Fact]
    public void Next_SmallBound_IsInRangeAndNearUniform()
    {
        var random = SynthRandom.ForKeys(1, 1);
        var counts = new int[7];
        const int draws = 70_000;
        for (var i = 0; i < draws; i++)
        {
            counts[random.Next(7)]++;
        }

        // Each count is binomial with mean 10,000 and standard deviation about 93; 500 is over 5 standard deviations.
        Assert.All(counts, count => Assert.InRange(count, 9_500, 10_500));
    }

    [Fact]
    public void NextDouble_Draws_StayInUnitInterval()
    {
        var random = SynthRandom.ForKeys(9, 9);
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            var value = random.NextDouble();
            Assert.InRange(value, 0.0, 0.9999999999999999);
            sum += value;
        }

        // The mean of 10,000 uniform draws has standard deviation about 0.0029; 0.015 is 5 of them.
        Assert.InRange(sum / 10_000, 0.485, 0.515);
    }

    [Fact]
    public void Next_NonPositiveBound_Throws()
    {
        var random = SynthRandom.ForKeys(1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(0));
        Assert.Equal("maxExclusive", error.ParamName);
    }
}
