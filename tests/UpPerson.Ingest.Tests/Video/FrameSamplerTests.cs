namespace UpPerson.Ingest.Tests;

public sealed class FrameSamplerTests
{
    [Theory]
    [InlineData(10.0, 2.0, new long[] { 0, 5, 10, 15 })]
    [InlineData(10.0, 10.0, new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 })]
    [InlineData(10.0, 40.0, new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 })]
    [InlineData(10.0, 3.0, new long[] { 0, 4, 7, 10, 14, 17 })]
    [InlineData(30000.0 / 1001, 2.0, new long[] { 0, 15 })]
    public void ShouldSample_RegularFrames_PicksFirstFrameAtEachGridPoint(double streamFps, double sampleFps, long[] expected)
    {
        var sampler = new FrameSampler(sampleFps);

        var sampled = new List<long>();
        for (long index = 0; index < 20; index++)
        {
            var position = TimeSpan.FromTicks((long)Math.Round(index * TimeSpan.TicksPerSecond / streamFps));
            if (sampler.ShouldSample(position))
            {
                sampled.Add(index);
            }
        }

        Assert.Equal(expected, sampled);
    }

    [Fact]
    public void ShouldSample_MillisecondRoundedTimes_StillHitsGrid()
    {
        // Matroska stores 29.97 fps frame 15 at 500 ms and frame 30 at 1001 ms, or rounded a millisecond low.
        var sampler = new FrameSampler(2.0);

        Assert.True(sampler.ShouldSample(TimeSpan.Zero));
        Assert.False(sampler.ShouldSample(TimeSpan.FromMilliseconds(467)));
        Assert.True(sampler.ShouldSample(TimeSpan.FromMilliseconds(499.5)));
        Assert.False(sampler.ShouldSample(TimeSpan.FromMilliseconds(534)));
        Assert.True(sampler.ShouldSample(TimeSpan.FromMilliseconds(999)));
    }

    [Fact]
    public void ShouldSample_StreamGap_KeepsGrid()
    {
        var sampler = new FrameSampler(2.0);

        Assert.True(sampler.ShouldSample(TimeSpan.FromSeconds(10)));
        Assert.True(sampler.ShouldSample(TimeSpan.FromSeconds(13.2)));
        Assert.False(sampler.ShouldSample(TimeSpan.FromSeconds(13.4)));
        Assert.True(sampler.ShouldSample(TimeSpan.FromSeconds(13.5)));
    }
}
