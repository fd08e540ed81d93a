using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace UpPerson.Ingest;

/// <summary>
/// Reads a network stream (RTSP, HTTP, …) by running Debian's <c>ffmpeg</c> and taking raw BGR
/// frames from its standard output.
/// </summary>
/// <remarks>
/// The FFmpeg inside OpenCvSharp's official Linux runtime (4.13) is built with the file protocol
/// only, so OpenCV cannot open URLs there. The system's ffmpeg has the network protocols. Frame
/// times are the open time plus the frame index over the probed frame rate.
/// </remarks>
public sealed class FfmpegStreamSource : IFrameSource
{
    private const int BytesPerPixel = 3;

    private readonly Process _decoder;
    private readonly VideoSourceOptions _options;
    private readonly ILogger<FfmpegStreamSource> _logger;
    private readonly StderrTail _stderr;
    private bool _readStarted;

    private FfmpegStreamSource(Process decoder, StderrTail stderr, VideoStreamInfo stream, VideoSourceOptions options, ILogger<FfmpegStreamSource> logger)
    {
        _decoder = decoder;
        _stderr = stderr;
        Stream = stream;
        _options = options;
        _logger = logger;
    }

    public VideoStreamInfo Stream { get; }

    public FrameReadSummary? Summary { get; private set; }

    /// <summary>Probes the stream with ffprobe and starts decoding it with ffmpeg.</summary>
    /// <exception cref="IOException">ffmpeg is missing, or the stream is unreachable or has no video within the open timeout.</exception>
    public static FfmpegStreamSource Open(string url, VideoSourceOptions options, ILogger<FfmpegStreamSource> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        options.Validate();
        var displayLocation = StreamLocation.Redact(url);
        var (width, height, framesPerSecond) = Probe(url, displayLocation, options.StreamOpenTimeout);

        var decoder = StartProcess("ffmpeg", [.. InputArguments(url), "-map", "0:v:0", "-an", "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"], displayLocation);
        var stderr = new StderrTail(decoder);
        var stream = new VideoStreamInfo(
            displayLocation,
            width,
            height,
            framesPerSecond,
            DeclaredFrameCount: null,
            options.RecordingStartUtc?.ToUniversalTime() ?? DateTimeOffset.UtcNow,
            "ffmpeg");
        VideoSourceLog.Opened(logger, displayLocation, width, height, framesPerSecond ?? 0, 0, options.SampleFramesPerSecond);
        return new FfmpegStreamSource(decoder, stderr, stream, options, logger);
    }

    public IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken)
    {
        if (_readStarted)
        {
            throw new InvalidOperationException($"Frames of '{Stream.Location}' were already read; open a new source to read the stream again.");
        }

        _readStarted = true;
        return ReadSampledFrames(cancellationToken);
    }

    public void Dispose()
    {
        StopDecoder();
        _decoder.Dispose();
    }

    private IEnumerable<VideoFrame> ReadSampledFrames(CancellationToken cancellationToken)
    {
        var sampler = new FrameSampler(_options.SampleFramesPerSecond);
        var frameBytes = Stream.Width * Stream.Height * BytesPerPixel;
        var buffer = new byte[frameBytes];
        var output = _decoder.StandardOutput.BaseStream;
        var framesPerSecond = Stream.FramesPerSecond ?? 25.0;
        var end = StreamEnd.Cancelled;
        long framesRead = 0;
        long framesSampled = 0;
        var positionReached = TimeSpan.Zero;

        // A blocked read only returns once the decoder exits, so cancellation stops the decoder.
        using var registration = cancellationToken.Register(StopDecoder);
        try
        {
            while (true)
            {
                var read = output.ReadAtLeast(buffer, frameBytes, throwOnEndOfStream: false);
                if (cancellationToken.IsCancellationRequested)
                {
                    end = StreamEnd.Cancelled;
                    break;
                }

                if (read < frameBytes)
                {
                    end = StreamEnd.Disconnected;
                    break;
                }

                var index = framesRead;
                var position = TimeSpan.FromTicks((long)Math.Round(index * TimeSpan.TicksPerSecond / framesPerSecond));
                framesRead++;
                positionReached = position;
                if (!sampler.ShouldSample(position))
                {
                    continue;
                }

                var image = Mat.FromPixelData(Stream.Height, Stream.Width, MatType.CV_8UC3, buffer).Clone();
                framesSampled++;
                yield return new VideoFrame(image, index, position, Stream.RecordingStartUtc + position);
            }
        }
        finally
        {
            Summary = new FrameReadSummary(end, framesRead, framesSampled, 0, positionReached, null);
            VideoSourceLog.Stopped(_logger, Stream.Location, $"{Summary.Describe()}{_stderr.Describe()}", framesRead, framesSampled, 0);
        }
    }

    private void StopDecoder()
    {
        try
        {
            if (!_decoder.HasExited)
            {
                _decoder.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // The process exited between the check and the kill.
        }
    }

    // RTSP over TCP passes firewalls and does not lose packets the way the UDP default can.
    private static string[] InputArguments(string url) =>
        url.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase)
            ? ["-nostdin", "-loglevel", "error", "-rtsp_transport", "tcp", "-i", url]
            : ["-nostdin", "-loglevel", "error", "-i", url];

    private static (int Width, int Height, double? FramesPerSecond) Probe(string url, string displayLocation, TimeSpan timeout)
    {
        string[] arguments = url.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase)
            ? ["-v", "error", "-rtsp_transport", "tcp", "-select_streams", "v:0", "-show_entries", "stream=width,height,avg_frame_rate,r_frame_rate", "-of", "json", url]
            : ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,avg_frame_rate,r_frame_rate", "-of", "json", url];
        using var probe = StartProcess("ffprobe", arguments, displayLocation);
        var output = probe.StandardOutput.ReadToEndAsync();
        var errors = probe.StandardError.ReadToEndAsync();
        if (!probe.WaitForExit(timeout))
        {
            probe.Kill(entireProcessTree: true);
            throw new IOException(
                $"Video stream '{displayLocation}' did not answer within {timeout.TotalSeconds:F0} s. Check that the camera is on and reachable, and the URL.");
        }

        probe.WaitForExit();
        var message = errors.Result.Trim();
        if (probe.ExitCode != 0)
        {
            var reason = message.Length == 0 ? $"ffprobe exited with code {probe.ExitCode}" : message.Split('\n')[^1].Replace(url, displayLocation, StringComparison.Ordinal);
            throw new IOException(
                $"Video stream '{displayLocation}' could not be opened ({reason}). Check that the camera is reachable, the URL and the credentials.");
        }

        using var document = JsonDocument.Parse(output.Result);
        var streams = document.RootElement.GetProperty("streams");
        if (streams.GetArrayLength() == 0)
        {
            throw new IOException($"Stream '{displayLocation}' has no video track. Check that the URL points at the camera's video stream.");
        }

        var video = streams[0];
        var width = video.GetProperty("width").GetInt32();
        var height = video.GetProperty("height").GetInt32();
        var rate = ParseRate(video, "avg_frame_rate") ?? ParseRate(video, "r_frame_rate");
        return (width, height, rate);
    }

    private static double? ParseRate(JsonElement stream, string property)
    {
        if (!stream.TryGetProperty(property, out var value) || value.GetString() is not { } text)
        {
            return null;
        }

        var parts = text.Split('/');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0 && numerator > 0)
        {
            return numerator / denominator;
        }

        return null;
    }

    private static Process StartProcess(string program, IReadOnlyList<string> arguments, string displayLocation)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info) ?? throw new IOException($"{program} could not be started for '{displayLocation}'.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new IOException(
                $"Stream URLs such as '{displayLocation}' are decoded with {program}, which is not installed. Install it with: sudo apt-get install ffmpeg",
                exception);
        }
    }

    /// <summary>The last lines ffmpeg wrote to stderr, read as they come so the pipe never fills.</summary>
    private sealed class StderrTail
    {
        private const int MaxLines = 5;
        private readonly Queue<string> _lines = new();

        public StderrTail(Process process)
        {
            process.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is null)
                {
                    return;
                }

                lock (_lines)
                {
                    _lines.Enqueue(line.Data);
                    if (_lines.Count > MaxLines)
                    {
                        _lines.Dequeue();
                    }
                }
            };
            process.BeginErrorReadLine();
        }

        public string Describe()
        {
            lock (_lines)
            {
                return _lines.Count == 0 ? string.Empty : $" (ffmpeg: {string.Join(" | ", _lines)})";
            }
        }
    }
}
