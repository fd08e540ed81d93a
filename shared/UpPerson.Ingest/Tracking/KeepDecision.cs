namespace UpPerson.Ingest;

/// <summary>Whether a tracked detection becomes a crop.</summary>
public enum KeepDecision
{
    /// <summary>Kept: the track's first crop, or the minimum interval has passed since its last kept crop.</summary>
    Keep,

    /// <summary>Skipped because the track's last kept crop is more recent than the minimum interval.</summary>
    SkipTooSoon,

    /// <summary>Skipped because the track already has the maximum number of crops.</summary>
    SkipTrackFull,
}
