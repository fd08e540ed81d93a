using Microsoft.Extensions.Logging;

namespace UpPerson.Ingest;

/// <summary>Log messages of video sources; event ids 2000-2019.</summary>
internal static partial class VideoSourceLog
{
    [LoggerMessage(
        EventId = 2000,
        Level = LogLevel.Information,
        Message = "Opened video {Location}: {Width}x{Height}, {FramesPerSecond} fps, {DeclaredFrameCount} frames declared (0 = unknown), sampling {SampleFramesPerSecond} fps")]
    public static partial void Opened(
        ILogger logger,
        string location,
        int width,
        int height,
        double framesPerSecond,
        long declaredFrameCount,
        double sampleFramesPerSecond);

    [LoggerMessage(
        EventId = 2001,
        Level = LogLevel.Information,
        Message = "Stopped reading video {Location}: {End}; {FramesRead} frames read, {FramesSampled} sampled, {FramesFailedToDecode} failed to decode")]
    public static partial void Stopped(
        ILogger logger,
        string location,
        string end,
        long framesRead,
        long framesSampled,
        long framesFailedToDecode);

    [LoggerMessage(
        EventId = 2002,
        Level = LogLevel.Warning,
        Message = "Video {Location} is truncated or damaged: reading stopped at frame {StoppedAtFrame} of {DeclaredFrameCount} declared, {PositionSeconds:F1} s into the stream")]
    public static partial void Truncated(
        ILogger logger,
        string location,
        long stoppedAtFrame,
        long declaredFrameCount,
        double positionSeconds);
}
