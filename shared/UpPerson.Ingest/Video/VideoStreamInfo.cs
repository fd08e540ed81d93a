namespace UpPerson.Ingest;

/// <summary>Properties of an opened video stream, as its container and decoder report them.</summary>
/// <param name="Location">File path or URL, with any user name and password in a URL replaced by <c>***</c>.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="FramesPerSecond">Nominal frame rate; null when the source does not report one.</param>
/// <param name="DeclaredFrameCount">Frame count in the container header; null for live streams.</param>
/// <param name="RecordingStartUtc">Wall-clock time of the first frame, added to each frame's stream position.</param>
/// <param name="Backend">OpenCV capture backend that opened the stream, for example <c>FFMPEG</c>.</param>
public sealed record VideoStreamInfo(
    string Location,
    int Width,
    int Height,
    double? FramesPerSecond,
    long? DeclaredFrameCount,
    DateTimeOffset RecordingStartUtc,
    string Backend);
