using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace UpPerson.Ingest;

/// <summary>
/// Reads a video file or a stream URL through OpenCV's FFmpeg backend and samples it by stream time.
/// </summary>
/// <remarks>
/// Every frame is decoded, because compressed frames depend on earlier ones, but only sampled frames
/// are converted to BGR and copied out. An instance is not thread-safe.
/// </remarks>
public sealed class VideoFileSource : IFrameSource
{
    private readonly VideoCapture _capture;
    private readonly VideoSourceOptions _options;
    private readonly ILogger<VideoFileSource> _logger;
    private readonly bool _isStream;
    private bool _readStarted;

    private VideoFileSource(
        VideoCapture capture,
        VideoStreamInfo stream,
        VideoSourceOptions options,
        ILogger<VideoFileSource> logger,
        bool isStream)
    {
        _capture = capture;
        Stream = stream;
        _options = options;
        _logger = logger;
        _isStream = isStream;
    }

    public VideoStreamInfo Stream { get; }

    public FrameReadSummary? Summary { get; private set; }

    /// <summary>
    /// Opens a video file path or a stream URL (rtsp://, http://).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">OpenCV cannot open the file as a video.</exception>
    /// <exception cref="IOException">OpenCV cannot open the stream URL.</exception>
    public static VideoFileSource Open(
        string location,
        VideoSourceOptions options,
        ILogger<VideoFileSource> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();

        var isUrl = StreamLocation.IsUrl(location);
        var displayLocation = StreamLocation.Redact(location);
        var target = isUrl ? location : Path.GetFullPath(StreamLocation.ToFilePath(location));
        if (!isUrl && !File.Exists(target))
        {
            throw new FileNotFoundException(
                $"Video file '{target}' was not found. Check the path.",
                target);
        }

        var capture = new VideoCapture(target, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw isUrl
                ? new IOException(
                    $"Video stream '{displayLocation}' could not be opened by OpenCV (FFmpeg backend): " +
                    "the server is unreachable, rejected the request, or sends an unsupported codec. " +
                    "Check the URL and credentials, or try it with ffprobe.")
                : new InvalidDataException(
                    $"Video file '{target}' could not be opened by OpenCV (FFmpeg backend): the file is not " +
                    "a video, is damaged (for example an MP4 cut off before its index), or uses an unsupported " +
                    "codec. Check the file with ffprobe or convert it with ffmpeg.");
        }

        var framesPerSecond = capture.Fps;
        var declaredFrameCount = capture.FrameCount;
        var recordingStart = options.RecordingStartUtc?.ToUniversalTime()
            ?? (isUrl ? DateTimeOffset.UtcNow : EstimateFileStart(target, framesPerSecond, declaredFrameCount));
        var stream = new VideoStreamInfo(
            isUrl ? displayLocation : target,
            capture.FrameWidth,
            capture.FrameHeight,
            double.IsFinite(framesPerSecond) && framesPerSecond > 0 ? framesPerSecond : null,
            declaredFrameCount > 0 ? declaredFrameCount : null,
            recordingStart,
            capture.GetBackendName());

        VideoSourceLog.Opened(
            logger,
            stream.Location,
            stream.Width,
            stream.Height,
            stream.FramesPerSecond ?? 0,
            stream.DeclaredFrameCount ?? 0,
            options.SampleFramesPerSecond);

        return new VideoFileSource(capture, stream, options, logger, isUrl);
    }

    /// <summary>
    /// Estimates when a recording began: a file's last-write time is when the recorder finished it,
    /// so its declared duration is subtracted. The same file always gives the same time, which keeps
    /// sighting ids stable across runs.
    /// </summary>
    private static DateTimeOffset EstimateFileStart(string path, double framesPerSecond, int declaredFrameCount)
    {
        var finished = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        if (!(framesPerSecond > 0) || !double.IsFinite(framesPerSecond) || declaredFrameCount <= 0)
        {
            return finished;
        }

        return finished - TimeSpan.FromSeconds(declaredFrameCount / framesPerSecond);
    }

    public IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken)
    {
        if (_readStarted)
        {
            throw new InvalidOperationException(
                $"Frames of '{Stream.Location}' were already read; open a new source to read the video again.");
        }

        _readStarted = true;
        return ReadSampledFrames(cancellationToken);
    }

    public void Dispose() => _capture.Dispose();

    private IEnumerable<VideoFrame> ReadSampledFrames(CancellationToken cancellationToken)
    {
        var sampler = new FrameSampler(_options.SampleFramesPerSecond);
        var end = StreamEnd.Cancelled;
        long framesRead = 0;
        long framesSampled = 0;
        long framesFailedToDecode = 0;
        var positionReached = TimeSpan.Zero;

        try
        {
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    end = StreamEnd.Cancelled;
                    break;
                }

                if (!_capture.Grab())
                {
                    end = _isStream && Stream.DeclaredFrameCount is null
                        ? StreamEnd.Disconnected
                        : framesRead < Stream.DeclaredFrameCount ? StreamEnd.Truncated : StreamEnd.Completed;
                    break;
                }

                var index = framesRead;
                var position = ReadPosition(index);
                framesRead++;
                positionReached = position;
                if (!sampler.ShouldSample(position))
                {
                    continue;
                }

                var image = new Mat();
                if (!_capture.Retrieve(image) || image.Empty())
                {
                    image.Dispose();
                    framesFailedToDecode++;
                    continue;
                }

                framesSampled++;
                yield return new VideoFrame(image, index, position, Stream.RecordingStartUtc + position);
            }
        }
        finally
        {
            // Runs on normal end, on cancellation and when the caller disposes the enumerator early.
            Summary = new FrameReadSummary(
                end,
                framesRead,
                framesSampled,
                framesFailedToDecode,
                positionReached,
                Stream.DeclaredFrameCount);
            LogEnd(Summary);
        }
    }

    private TimeSpan ReadPosition(long index)
    {
        // OpenCvSharp's typed PosMsec property (4.13) truncates to whole milliseconds; Get returns the exact value.
        var milliseconds = _capture.Get(VideoCaptureProperties.PosMsec);

        // Some streams report no presentation time; fall back to the nominal frame rate.
        if ((!double.IsFinite(milliseconds) || milliseconds < 0 || (milliseconds == 0 && index > 0))
            && Stream.FramesPerSecond is { } framesPerSecond)
        {
            milliseconds = index * 1000.0 / framesPerSecond;
        }

        return TimeSpan.FromTicks((long)Math.Round(Math.Max(0, milliseconds) * TimeSpan.TicksPerMillisecond));
    }

    private void LogEnd(FrameReadSummary summary)
    {
        if (summary.End == StreamEnd.Truncated)
        {
            VideoSourceLog.Truncated(
                _logger,
                Stream.Location,
                summary.StoppedAtFrame,
                summary.DeclaredFrameCount ?? 0,
                summary.PositionReached.TotalSeconds);
        }

        VideoSourceLog.Stopped(
            _logger,
            Stream.Location,
            summary.Describe(),
            summary.FramesRead,
            summary.FramesSampled,
            summary.FramesFailedToDecode);
    }
}
