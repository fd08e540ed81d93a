using UpPerson.Contracts;

namespace UpPerson.Ingest.Tests;

public sealed class IouTrackerTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_TwoPeopleWalking_KeepTheirTrackIds()
    {
        var tracker = new IouTracker(new TrackerOptions { MinIou = 0.3 });
        var ids = new List<long[]>();

        for (var step = 0; step < 4; step++)
        {
            // One walks right and one walks left, 8 pixels per sampled frame, far apart.
            var update = tracker.Update(At(step), [Person(100 + (8 * step), 50), Person(400 - (8 * step), 60)]);
            ids.Add(update.Detections.Select(detection => detection.TrackId).ToArray());
        }

        Assert.All(ids, frameIds => Assert.Equal([1L, 2L], frameIds));
        Assert.Equal(2, tracker.ActiveTrackCount);
    }

    [Fact]
    public void Update_NewPersonAppears_StartsNewTrack()
    {
        var tracker = new IouTracker(new TrackerOptions());

        var first = tracker.Update(At(0), [Person(100, 50)]);
        var second = tracker.Update(At(1), [Person(300, 50), Person(104, 50)]);

        Assert.Equal([new TrackedDetection(Person(100, 50), 1, StartsTrack: true)], first.Detections);
        Assert.Equal(
            [
                new TrackedDetection(Person(300, 50), 2, StartsTrack: true),
                new TrackedDetection(Person(104, 50), 1, StartsTrack: false),
            ],
            second.Detections);
    }

    [Fact]
    public void Update_TwoOverlaps_PicksHigherIou()
    {
        var tracker = new IouTracker(new TrackerOptions { MinIou = 0.1 });
        tracker.Update(At(0), [Person(100, 50), Person(130, 50)]);

        // The box at 125 overlaps track 2 (x=130) more than track 1 (x=100); track 1 then has no match.
        var update = tracker.Update(At(1), [Person(125, 50)]);

        Assert.Equal([new TrackedDetection(Person(125, 50), 2, StartsTrack: false)], update.Detections);
    }

    [Fact]
    public void Update_ShortGap_ContinuesTrack()
    {
        var tracker = new IouTracker(new TrackerOptions { MaxGap = TimeSpan.FromSeconds(2) });
        tracker.Update(Start, [Person(100, 50)]);
        tracker.Update(Start.AddSeconds(1), []);

        var update = tracker.Update(Start.AddSeconds(2), [Person(100, 50)]);

        Assert.Equal(1, Assert.Single(update.Detections).TrackId);
        Assert.Empty(update.EndedTrackIds);
    }

    [Fact]
    public void Update_LongGap_StartsNewTrack()
    {
        var tracker = new IouTracker(new TrackerOptions { MaxGap = TimeSpan.FromSeconds(2) });
        tracker.Update(Start, [Person(100, 50)]);

        var update = tracker.Update(Start.AddSeconds(2.5), [Person(100, 50)]);

        Assert.Equal([1L], update.EndedTrackIds);
        Assert.Equal(new TrackedDetection(Person(100, 50), 2, StartsTrack: true), Assert.Single(update.Detections));
        Assert.Equal(1, tracker.ActiveTrackCount);
    }

    [Fact]
    public void Update_FirstTrackId_CountsUp()
    {
        var tracker = new IouTracker(new TrackerOptions(), firstTrackId: 1_714_996_800_000_001);

        var update = tracker.Update(Start, [Person(100, 50), Person(300, 50)]);

        Assert.Equal([1_714_996_800_000_001L, 1_714_996_800_000_002L], update.Detections.Select(detection => detection.TrackId));
    }

    [Fact]
    public void Update_EarlierTimestamp_Throws()
    {
        var tracker = new IouTracker(new TrackerOptions());
        tracker.Update(Start.AddSeconds(1), [Person(100, 50)]);

        var exception = Assert.Throws<ArgumentException>(() => tracker.Update(Start, [Person(100, 50)]));

        Assert.Contains("stream order", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new TrackerOptions { MinIou = 0, MaxGap = TimeSpan.Zero };

        var exception = Assert.Throws<ArgumentException>(() => new IouTracker(options));

        Assert.Contains("MinIou must be > 0 and <= 1, got 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MaxGap must be > 0, got 00:00:00", exception.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int step) => Start + TimeSpan.FromMilliseconds(500 * step);

    private static PersonDetection Person(int x, int y) => new(new BoundingBox(x, y, 40, 100), 1.0f);
}
