namespace UpPerson.Ingest;

/// <summary>Running totals of one pipeline run, reported after each sampled frame and each written batch.</summary>
/// <param name="FramesRead">Frames of the stream passed so far, sampled or not.</param>
/// <param name="FramesSampled">Frames passed to the detector.</param>
/// <param name="Detections">Person boxes found.</param>
/// <param name="CropsKept">Crops chosen for embedding.</param>
/// <param name="SightingsWritten">Sightings the sink has stored durably.</param>
/// <param name="Elapsed">Wall-clock time since the run started.</param>
public sealed record IngestProgress(
    long FramesRead,
    long FramesSampled,
    long Detections,
    long CropsKept,
    long SightingsWritten,
    TimeSpan Elapsed)
{
    /// <summary>Stream frames read per wall-clock second; 0 before any time has passed.</summary>
    public double FramesPerSecond => Elapsed > TimeSpan.Zero ? FramesRead / Elapsed.TotalSeconds : 0;
}
