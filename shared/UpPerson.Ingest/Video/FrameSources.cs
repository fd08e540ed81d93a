using Microsoft.Extensions.Logging;

namespace UpPerson.Ingest;

/// <summary>Opens the right frame source for a location: OpenCV for files, ffmpeg for stream URLs.</summary>
public static class FrameSources
{
    public static IFrameSource Open(string location, VideoSourceOptions options, ILoggerFactory loggers) =>
        StreamLocation.IsUrl(location)
            ? FfmpegStreamSource.Open(location, options, loggers.CreateLogger<FfmpegStreamSource>())
            : VideoFileSource.Open(location, options, loggers.CreateLogger<VideoFileSource>());
}
