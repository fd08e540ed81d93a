namespace UpPerson.Ingest.Tests;

public sealed class TrackKeepPolicyTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_FrequentSightings_KeepsOnInterval()
    {
        var policy = new TrackKeepPolicy(new KeepPolicyOptions { MinKeepInterval = TimeSpan.FromSeconds(2), MaxCropsPerTrack = 3 });

        var decisions = Enumerable.Range(0, 14)
            .Select(step => policy.Decide(7, Start + TimeSpan.FromMilliseconds(500 * step)))
            .ToList();

        var keep = KeepDecision.Keep;
        var soon = KeepDecision.SkipTooSoon;
        var full = KeepDecision.SkipTrackFull;
        Assert.Equal(
            [keep, soon, soon, soon, keep, soon, soon, soon, keep, full, full, full, full, full],
            decisions);
        Assert.Equal(new KeepCounts(Kept: 3, SkippedTooSoon: 6, SkippedTrackFull: 5), policy.Counts);
        Assert.Equal(14, policy.Counts.Decisions);
        Assert.Equal(11, policy.Counts.Skipped);
    }

    [Fact]
    public void Decide_TwoTracks_CountsEachSeparately()
    {
        var policy = new TrackKeepPolicy(new KeepPolicyOptions { MinKeepInterval = TimeSpan.FromSeconds(1), MaxCropsPerTrack = 5 });

        var first = policy.Decide(1, Start);
        var second = policy.Decide(2, Start);
        var firstAgain = policy.Decide(1, Start.AddSeconds(0.5));
        var secondLater = policy.Decide(2, Start.AddSeconds(1));

        Assert.Equal(KeepDecision.Keep, first);
        Assert.Equal(KeepDecision.Keep, second);
        Assert.Equal(KeepDecision.SkipTooSoon, firstAgain);
        Assert.Equal(KeepDecision.Keep, secondLater);
    }

    [Fact]
    public void Forget_EndedTrack_TreatsReusedIdAsNew()
    {
        var policy = new TrackKeepPolicy(new KeepPolicyOptions { MaxCropsPerTrack = 1 });
        policy.Decide(3, Start);
        Assert.Equal(KeepDecision.SkipTrackFull, policy.Decide(3, Start.AddSeconds(5)));

        policy.Forget([3]);

        Assert.Equal(KeepDecision.Keep, policy.Decide(3, Start.AddSeconds(6)));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new KeepPolicyOptions { MinKeepInterval = TimeSpan.FromSeconds(-1), MaxCropsPerTrack = 0 };

        var exception = Assert.Throws<ArgumentException>(() => new TrackKeepPolicy(options));

        Assert.Contains("MinKeepInterval must be >= 0, got -00:00:01", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MaxCropsPerTrack must be >= 1, got 0", exception.Message, StringComparison.Ordinal);
    }
}
