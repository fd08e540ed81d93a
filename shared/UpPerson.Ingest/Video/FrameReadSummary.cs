using System.Globalization;

namespace UpPerson.Ingest;

/// <summary>How far a frame source got and why it stopped.</summary>
/// <param name="End">Reason reading stopped.</param>
/// <param name="FramesRead">Frames grabbed from the stream, sampled or not.</param>
/// <param name="FramesSampled">Frames decoded and returned to the reader.</param>
/// <param name="FramesFailedToDecode">Sampled frames that were grabbed but could not be converted to an image.</param>
/// <param name="PositionReached">Stream position of the last frame read; zero when none was read.</param>
/// <param name="DeclaredFrameCount">Frame count in the container header; null for live streams.</param>
public sealed record FrameReadSummary(
    StreamEnd End,
    long FramesRead,
    long FramesSampled,
    long FramesFailedToDecode,
    TimeSpan PositionReached,
    long? DeclaredFrameCount)
{
    /// <summary>Index of the first frame that could not be read, which equals the frames read.</summary>
    public long StoppedAtFrame => FramesRead;

    /// <summary>
    /// Returns "completed", "truncated at frame N of M (S s reached)" or "cancelled at frame N".
    /// </summary>
    public string Describe() => End switch
    {
        StreamEnd.Completed => "completed",
        StreamEnd.Truncated => string.Create(
            CultureInfo.InvariantCulture,
            $"truncated at frame {StoppedAtFrame} of {DeclaredFrameCount} ({PositionReached.TotalSeconds:F1} s reached)"),
        StreamEnd.Cancelled => string.Create(CultureInfo.InvariantCulture, $"cancelled at frame {StoppedAtFrame}"),
        StreamEnd.Disconnected => string.Create(
            CultureInfo.InvariantCulture,
            $"disconnected after frame {StoppedAtFrame} ({PositionReached.TotalSeconds:F1} s of stream)"),
        _ => throw new InvalidOperationException($"Unknown stream end {End}."),
    };
}
