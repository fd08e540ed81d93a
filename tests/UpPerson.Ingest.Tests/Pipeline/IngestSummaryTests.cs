namespace UpPerson.Ingest.Tests;

public sealed class IngestSummaryTests
{
    [Theory]
    [InlineData(StreamEnd.Completed, StreamEnd.Completed, 795, "completed")]
    [InlineData(StreamEnd.Truncated, StreamEnd.Truncated, 391, "truncated at frame 391 of 795 (39.0 s reached)")]
    [InlineData(StreamEnd.Cancelled, StreamEnd.Cancelled, 120, "cancelled at frame 120")]
    [InlineData(StreamEnd.Cancelled, StreamEnd.Completed, 795, "cancelled at frame 795")]
    public void DescribeEnd_EachEnd_NamesStopFrame(StreamEnd runEnd, StreamEnd sourceEnd, long framesRead, string expected)
    {
        var source = new FrameReadSummary(
            sourceEnd,
            framesRead,
            framesRead / 5,
            0,
            TimeSpan.FromMilliseconds(100 * (framesRead - 1)),
            795);
        var summary = new IngestSummary(
            "cam-1",
            "/videos/cam-1.avi",
            runEnd,
            source,
            new SelectionCounts(framesRead / 5, 10, 1, 3, new KeepCounts(4, 4, 1)),
            CropsDiscarded: 0,
            SightingsWritten: 4,
            TimeSpan.FromSeconds(3));

        Assert.Equal(expected, summary.DescribeEnd());
        Assert.Equal(framesRead, summary.FramesRead);
        Assert.Equal(4, summary.CropsKept);
        Assert.Equal(5, summary.CropsSkipped);
    }

    [Fact]
    public void FramesPerSecond_Progress_DividesFramesByElapsed()
    {
        var progress = new IngestProgress(FramesRead: 300, FramesSampled: 60, Detections: 200, CropsKept: 30, SightingsWritten: 16, TimeSpan.FromSeconds(12));

        Assert.Equal(25.0, progress.FramesPerSecond, precision: 9);
    }
}
