using System.Globalization;

namespace UpPerson.Ingest;

/// <summary>Outcome of one pipeline run over one stream.</summary>
/// <param name="CameraId">Camera the sightings were written for.</param>
/// <param name="Location">File path or URL, with credentials redacted.</param>
/// <param name="End">
/// <see cref="StreamEnd.Cancelled"/> when the caller cancelled the run, otherwise how the stream ended.
/// </param>
/// <param name="Source">Frames read and where reading stopped.</param>
/// <param name="Selection">Detections, tracks and keep decisions.</param>
/// <param name="CropsDiscarded">
/// Kept crops that never became sightings: dropped from a full queue, or not yet embedded when the run was cancelled.
/// </param>
/// <param name="SightingsWritten">Sightings the sink stored durably.</param>
/// <param name="Elapsed">Wall-clock duration of the run.</param>
public sealed record IngestSummary(
    string CameraId,
    string Location,
    StreamEnd End,
    FrameReadSummary Source,
    SelectionCounts Selection,
    long CropsDiscarded,
    long SightingsWritten,
    TimeSpan Elapsed)
{
    public long FramesRead => Source.FramesRead;

    public long FramesSampled => Source.FramesSampled;

    public long Detections => Selection.Detections;

    public long CropsKept => Selection.Keep.Kept;

    public long CropsSkipped => Selection.Keep.Skipped;

    /// <summary>Returns "completed", "truncated at frame N of M (S s reached)" or "cancelled at frame N".</summary>
    public string DescribeEnd() => End == StreamEnd.Cancelled
        ? string.Create(CultureInfo.InvariantCulture, $"cancelled at frame {Source.StoppedAtFrame}")
        : Source.Describe();
}
