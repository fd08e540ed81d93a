namespace UpPerson.Ingest;

/// <summary>Decisions made by <see cref="TrackKeepPolicy"/> so far.</summary>
/// <param name="Kept">Detections kept as crops.</param>
/// <param name="SkippedTooSoon">Detections skipped because the track's last kept crop was too recent.</param>
/// <param name="SkippedTrackFull">Detections skipped because the track had the maximum number of crops.</param>
public readonly record struct KeepCounts(long Kept, long SkippedTooSoon, long SkippedTrackFull)
{
    public long Decisions => Kept + Skipped;

    public long Skipped => SkippedTooSoon + SkippedTrackFull;
}
