using Microsoft.Extensions.Logging.Abstractions;
using UpPerson.Contracts;

namespace UpPerson.Ingest.Tests;

public sealed class CropSelectorTests
{
    private static readonly DateTimeOffset RecordingStart = new(2024, 5, 6, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Select_VtestClip_KeepsFewCropsPerTrack()
    {
        var keepOptions = new KeepPolicyOptions { MinKeepInterval = TimeSpan.FromSeconds(2), MaxCropsPerTrack = 3 };
        using var detector = new HogPersonDetector(new HogDetectorOptions());
        var selector = new CropSelector(
            detector,
            new CropGeometry(new CropOptions { MarginFraction = 0.1 }),
            new IouTracker(new TrackerOptions()),
            new TrackKeepPolicy(keepOptions));
        using var source = VideoFileSource.Open(
            TestVideos.Vtest,
            new VideoSourceOptions { SampleFramesPerSecond = 2, RecordingStartUtc = RecordingStart },
            NullLogger<VideoFileSource>.Instance);

        var kept = new List<(long TrackId, DateTimeOffset Timestamp, long FrameIndex, CropRegion Region)>();
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            using (frame)
            {
                if (frame.Index >= 200)
                {
                    break;
                }

                foreach (var crop in selector.Select(frame))
                {
                    using (crop)
                    {
                        Assert.Equal(crop.Region.CropBox.Width, crop.Image.Width);
                        Assert.Equal(crop.Region.CropBox.Height, crop.Image.Height);
                        Assert.Equal(frame.Index, crop.FrameIndex);
                        Assert.Equal(frame.TimestampUtc, crop.TimestampUtc);
                        kept.Add((crop.TrackId, crop.TimestampUtc, crop.FrameIndex, crop.Region));
                    }
                }
            }
        }

        var counts = selector.Counts;
        Assert.Equal(40, counts.FramesAnalyzed);

        // Measured at these options with OpenCvSharp4 4.13.0.20261107: 223 detections in 29 tracks, 54 crops kept.
        // The ranges allow for small changes in OpenCV.
        Assert.InRange(counts.Detections, 150, 300);
        Assert.Equal(counts.Detections - counts.DroppedTooSmall, counts.Keep.Decisions);
        Assert.Equal(kept.Count, counts.Keep.Kept);
        Assert.True(counts.Keep.Kept * 3 < counts.Detections, $"Kept {counts.Keep.Kept} of {counts.Detections} detections.");
        Assert.InRange(counts.TracksStarted, 10, 60);

        foreach (var track in kept.GroupBy(crop => crop.TrackId))
        {
            var times = track.Select(crop => crop.Timestamp).ToList();
            Assert.True(times.Count <= keepOptions.MaxCropsPerTrack, $"Track {track.Key} kept {times.Count} crops.");
            for (var i = 1; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - 1] >= keepOptions.MinKeepInterval, $"Track {track.Key} kept crops {times[i] - times[i - 1]} apart.");
            }
        }

        foreach (var (_, _, _, region) in kept)
        {
            Assert.Equal(region.CropBox, region.CropBox.ClampTo(TestVideos.VtestWidth, TestVideos.VtestHeight));
            Assert.True(region.CropBox.Width >= region.PersonBox.Width, $"Crop {region.CropBox} is narrower than person {region.PersonBox}.");
        }
    }
}
