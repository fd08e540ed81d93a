namespace UpPerson.Ingest;

/// <summary>Result of feeding one frame's detections to <see cref="IouTracker"/>.</summary>
/// <param name="Detections">Every input detection with its track, in input order.</param>
/// <param name="EndedTrackIds">Tracks that went unmatched for longer than the maximum gap and were ended before this frame.</param>
public sealed record TrackingUpdate(
    IReadOnlyList<TrackedDetection> Detections,
    IReadOnlyList<long> EndedTrackIds);
