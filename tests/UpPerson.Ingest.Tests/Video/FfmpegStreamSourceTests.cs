using Microsoft.Extensions.Logging.Abstractions;

namespace UpPerson.Ingest.Tests;

/// <summary>Stream URLs decoded by the system's ffmpeg, against an HTTP server on 127.0.0.1.</summary>
public sealed class FfmpegStreamSourceTests
{
    [Fact]
    public void ReadFrames_HttpStreamThatEnds_SamplesFramesAndReportsDisconnect()
    {
        using var folder = new TempFolder();
        var video = TestVideos.MakeTransportStream(folder, "live.ts", frameCount: 50);
        using var server = new LoopbackVideoServer(video, connections: 2);
        var start = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

        using var source = FrameSources.Open(
            server.Url,
            new VideoSourceOptions { SampleFramesPerSecond = 2, RecordingStartUtc = start },
            NullLoggerFactory.Instance);
        var frames = new List<(long Index, DateTimeOffset Time, int Width, int Height)>();
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            using (frame)
            {
                frames.Add((frame.Index, frame.TimestampUtc, frame.Image.Width, frame.Image.Height));
            }
        }

        Assert.IsType<FfmpegStreamSource>(source);
        Assert.Equal(StreamEnd.Disconnected, source.Summary!.End);
        Assert.Equal(50, source.Summary.FramesRead);
        Assert.Equal([0L, 5, 10, 15, 20, 25, 30, 35, 40, 45], frames.Select(frame => frame.Index));
        Assert.All(frames, frame => Assert.Equal((TestVideos.VtestWidth, TestVideos.VtestHeight), (frame.Width, frame.Height)));
        Assert.Equal(start.AddSeconds(1), frames[2].Time);
        Assert.Null(source.Stream.DeclaredFrameCount);
        Assert.Equal(10.0, source.Stream.FramesPerSecond!.Value, 3);
    }

    [Fact]
    public void Open_ClosedPort_FailsNamingRedactedUrl()
    {
        var port = FreeLoopbackPort();
        var url = $"rtsp://admin:secret@127.0.0.1:{port}/live";

        var error = Assert.Throws<IOException>(() =>
            FrameSources.Open(url, new VideoSourceOptions { StreamOpenTimeout = TimeSpan.FromSeconds(10) }, NullLoggerFactory.Instance));

        Assert.Contains($"rtsp://***@127.0.0.1:{port}/live", error.Message);
        Assert.DoesNotContain("secret", error.Message);
        Assert.Contains("reachable", error.Message);
    }

    [Fact]
    public void ReadFrames_Cancelled_StopsDecoderAndReportsCancel()
    {
        using var folder = new TempFolder();
        var video = TestVideos.MakeTransportStream(folder, "live.ts", frameCount: 50);
        using var server = new LoopbackVideoServer(video, connections: 2);
        using var cancellation = new CancellationTokenSource();

        using var source = FrameSources.Open(server.Url, new VideoSourceOptions { SampleFramesPerSecond = 10 }, NullLoggerFactory.Instance);
        var read = 0;
        foreach (var frame in source.ReadFrames(cancellation.Token))
        {
            frame.Dispose();
            if (++read == 3)
            {
                cancellation.Cancel();
            }
        }

        Assert.Equal(StreamEnd.Cancelled, source.Summary!.End);
        Assert.InRange(source.Summary.FramesRead, 3, 49);
    }

    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
