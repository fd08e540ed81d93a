namespace UpPerson.Ingest;

/// <summary>A detection and the track it was assigned to.</summary>
/// <param name="Detection">Box and score from the detector.</param>
/// <param name="TrackId">Track id, unique within one tracker.</param>
/// <param name="StartsTrack">True when this detection started the track.</param>
public readonly record struct TrackedDetection(PersonDetection Detection, long TrackId, bool StartsTrack);
