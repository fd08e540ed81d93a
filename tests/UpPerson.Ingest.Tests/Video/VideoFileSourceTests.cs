using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace UpPerson.Ingest.Tests;

public sealed class VideoFileSourceTests
{
    private static readonly DateTimeOffset RecordingStart = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public void Open_Vtest_ReportsStreamProperties()
    {
        using var source = Open(TestVideos.Vtest, sampleFramesPerSecond: 2);

        Assert.Equal(TestVideos.VtestWidth, source.Stream.Width);
        Assert.Equal(TestVideos.VtestHeight, source.Stream.Height);
        Assert.Equal(10.0, source.Stream.FramesPerSecond!.Value, precision: 6);
        Assert.Equal(TestVideos.VtestFrameCount, source.Stream.DeclaredFrameCount);
        Assert.Equal(RecordingStart, source.Stream.RecordingStartUtc);
        Assert.Equal("FFMPEG", source.Stream.Backend);
        Assert.Null(source.Summary);
    }

    [Fact]
    public void ReadFrames_StreamRate_YieldsEveryFrame()
    {
        using var source = Open(TestVideos.Vtest, sampleFramesPerSecond: 10);

        long expectedIndex = 0;
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            using (frame)
            {
                Assert.Equal(expectedIndex, frame.Index);
                Assert.Equal(TimeSpan.FromMilliseconds(100 * expectedIndex), frame.Position);
                Assert.Equal(RecordingStart + TimeSpan.FromMilliseconds(100 * expectedIndex), frame.TimestampUtc);
                Assert.Equal(MatType.CV_8UC3, frame.Image.Type());
                Assert.Equal(TestVideos.VtestWidth, frame.Width);
                Assert.Equal(TestVideos.VtestHeight, frame.Height);
            }

            expectedIndex++;
        }

        Assert.Equal(TestVideos.VtestFrameCount, expectedIndex);
        var summary = Assert.IsType<FrameReadSummary>(source.Summary);
        Assert.Equal(StreamEnd.Completed, summary.End);
        Assert.Equal(TestVideos.VtestFrameCount, summary.FramesRead);
        Assert.Equal(TestVideos.VtestFrameCount, summary.FramesSampled);
        Assert.Equal(0, summary.FramesFailedToDecode);
        Assert.Equal(TimeSpan.FromMilliseconds(79_400), summary.PositionReached);
        Assert.Equal("completed", summary.Describe());
    }

    [Fact]
    public void ReadFrames_TwoFps_YieldsEveryFifthFrame()
    {
        using var source = Open(TestVideos.Vtest, sampleFramesPerSecond: 2);

        var indices = new List<long>();
        var timestamps = new List<DateTimeOffset>();
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            using (frame)
            {
                indices.Add(frame.Index);
                timestamps.Add(frame.TimestampUtc);
            }
        }

        var expected = Enumerable.Range(0, 159).Select(i => 5L * i).ToList();
        Assert.Equal(expected, indices);
        Assert.Equal(expected.Select(index => RecordingStart + TimeSpan.FromMilliseconds(100 * index)), timestamps);
        var summary = Assert.IsType<FrameReadSummary>(source.Summary);
        Assert.Equal(StreamEnd.Completed, summary.End);
        Assert.Equal(TestVideos.VtestFrameCount, summary.FramesRead);
        Assert.Equal(159, summary.FramesSampled);
    }

    [Fact]
    public void ReadFrames_NtscRate_SamplesOnTimeGrid()
    {
        using var folder = new TempFolder();
        var path = TestVideos.MakeTestPattern(folder, "ntsc.mp4", frameCount: 61, frameRate: "30000/1001", codec: "libx264");
        using var source = Open(path, sampleFramesPerSecond: 2);

        var indices = ReadIndices(source);

        // Frame n lies at n * 1001/30 ms, so the first frames at or after each half second are 0, 15, 30, 45 and 60.
        Assert.Equal([0L, 15, 30, 45, 60], indices);
    }

    [Fact]
    public void Open_NoStart_EndsAtLastWriteTime()
    {
        using var folder = new TempFolder();
        var path = TestVideos.MakeTestPattern(folder, "pattern.avi", frameCount: 30, frameRate: "10", codec: "mjpeg");
        var lastWrite = new DateTime(2023, 11, 12, 13, 14, 15, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, lastWrite);

        using var source = VideoFileSource.Open(path, new VideoSourceOptions { SampleFramesPerSecond = 1 }, NullLogger<VideoFileSource>.Instance);
        var timestamps = new List<DateTimeOffset>();
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            using (frame)
            {
                timestamps.Add(frame.TimestampUtc);
            }
        }

        // 30 frames at 10 fps: the recorder finished writing 3 s after the first frame.
        var start = new DateTimeOffset(lastWrite).AddSeconds(-3);
        Assert.Equal(start, source.Stream.RecordingStartUtc);
        Assert.Equal([start, start.AddSeconds(1), start.AddSeconds(2)], timestamps);
    }

    [Fact]
    public void Open_MissingFile_ThrowsNamingPath()
    {
        using var folder = new TempFolder();
        var path = folder.File("no-such-video.avi");

        var exception = Assert.Throws<FileNotFoundException>(() => Open(path, sampleFramesPerSecond: 2));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, exception.FileName);
    }

    [Fact]
    public void Open_TextFile_ThrowsNamingPathAndFix()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.avi");
        File.WriteAllText(path, "This is a text file with a video extension.\n");

        var exception = Assert.Throws<InvalidDataException>(() => Open(path, sampleFramesPerSecond: 2));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("ffmpeg", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrames_TruncatedFile_ReportsWhereItStopped()
    {
        using var folder = new TempFolder();
        var vtestBytes = new FileInfo(TestVideos.Vtest).Length;
        var path = TestVideos.Truncate(TestVideos.Vtest, vtestBytes / 2, folder.File("truncated.avi"));
        using var source = Open(path, sampleFramesPerSecond: 10);

        var indices = ReadIndices(source);

        var summary = Assert.IsType<FrameReadSummary>(source.Summary);
        Assert.Equal(StreamEnd.Truncated, summary.End);
        Assert.Equal(TestVideos.VtestFrameCount, summary.DeclaredFrameCount);
        Assert.InRange(summary.StoppedAtFrame, 1, TestVideos.VtestFrameCount - 1);
        Assert.Equal(summary.FramesRead, indices.Count + summary.FramesFailedToDecode);
        Assert.Equal(TimeSpan.FromMilliseconds(100 * (summary.StoppedAtFrame - 1)), summary.PositionReached);
        Assert.StartsWith(
            $"truncated at frame {summary.StoppedAtFrame} of {TestVideos.VtestFrameCount} (",
            summary.Describe(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrames_TruncatedFile_LogsWarning()
    {
        using var folder = new TempFolder();
        var path = TestVideos.Truncate(TestVideos.Vtest, 2_000_000, folder.File("truncated.avi"));
        var logger = new RecordingLogger<VideoFileSource>();
        using var source = VideoFileSource.Open(
            path,
            new VideoSourceOptions { SampleFramesPerSecond = 1, RecordingStartUtc = RecordingStart },
            logger);

        ReadIndices(source);

        var summary = Assert.IsType<FrameReadSummary>(source.Summary);
        Assert.Equal([2000, 2002, 2001], logger.Entries.Select(entry => entry.EventId.Id));
        var truncation = logger.Entries[1];
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, truncation.Level);
        Assert.Contains(path, truncation.Message, StringComparison.Ordinal);
        Assert.Contains($"stopped at frame {summary.StoppedAtFrame} of 795", truncation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrames_Cancelled_EndsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        using var source = Open(TestVideos.Vtest, sampleFramesPerSecond: 10);

        var read = 0;
        foreach (var frame in source.ReadFrames(cancellation.Token))
        {
            frame.Dispose();
            read++;
            if (read == 3)
            {
                cancellation.Cancel();
            }
        }

        Assert.Equal(3, read);
        var summary = Assert.IsType<FrameReadSummary>(source.Summary);
        Assert.Equal(StreamEnd.Cancelled, summary.End);
        Assert.Equal(3, summary.FramesRead);
        Assert.Equal("cancelled at frame 3", summary.Describe());
    }

    [Fact]
    public void ReadFrames_EarlyBreak_EndsCancelled()
    {
        using var source = Open(TestVideos.Vtest, sampleFramesPerSecond: 2);

        using (var frame = source.ReadFrames(CancellationToken.None).First())
        {
            Assert.Equal(0, frame.Index);
        }

        var summary = Assert.IsType<FrameReadSummary>(source.Summary);
        Assert.Equal(StreamEnd.Cancelled, summary.End);
        Assert.Equal(1, summary.FramesRead);
    }

    [Fact]
    public void ReadFrames_SecondCall_Throws()
    {
        using var source = Open(TestVideos.Vtest, sampleFramesPerSecond: 2);
        _ = source.ReadFrames(CancellationToken.None);

        var exception = Assert.Throws<InvalidOperationException>(() => source.ReadFrames(CancellationToken.None));

        Assert.Contains(TestVideos.Vtest, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, "SampleFramesPerSecond must be > 0 and finite, got -1")]
    [InlineData(0, "SampleFramesPerSecond must be > 0 and finite, got 0")]
    [InlineData(double.PositiveInfinity, "SampleFramesPerSecond must be > 0 and finite, got Infinity")]
    public void Open_InvalidSampleRate_ThrowsNamingOption(double sampleFramesPerSecond, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(() => Open(TestVideos.Vtest, sampleFramesPerSecond));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    private static VideoFileSource Open(string path, double sampleFramesPerSecond) =>
        VideoFileSource.Open(
            path,
            new VideoSourceOptions { SampleFramesPerSecond = sampleFramesPerSecond, RecordingStartUtc = RecordingStart },
            NullLogger<VideoFileSource>.Instance);

    private static List<long> ReadIndices(IFrameSource source)
    {
        var indices = new List<long>();
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            using (frame)
            {
                indices.Add(frame.Index);
            }
        }

        return indices;
    }
}
