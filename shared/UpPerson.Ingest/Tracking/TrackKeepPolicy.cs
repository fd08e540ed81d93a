namespace UpPerson.Ingest;

/// <summary>
/// Decides which detections of a track become crops, so a person walking through the view yields a
/// few crops spread over time instead of one per sampled frame.
/// </summary>
public sealed class TrackKeepPolicy
{
    private readonly KeepPolicyOptions _options;
    private readonly Dictionary<long, (DateTimeOffset LastKeptUtc, int KeptCount)> _tracks = [];
    private KeepCounts _counts;

    public TrackKeepPolicy(KeepPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _options = options;
    }

    public KeepCounts Counts => _counts;

    /// <summary>
    /// Decides on a detection of <paramref name="trackId"/> seen at <paramref name="timestampUtc"/>
    /// and records a kept one.
    /// </summary>
    public KeepDecision Decide(long trackId, DateTimeOffset timestampUtc)
    {
        KeepDecision decision;
        if (!_tracks.TryGetValue(trackId, out var state))
        {
            decision = KeepDecision.Keep;
            state = (timestampUtc, 0);
        }
        else if (state.KeptCount >= _options.MaxCropsPerTrack)
        {
            decision = KeepDecision.SkipTrackFull;
        }
        else if (timestampUtc - state.LastKeptUtc < _options.MinKeepInterval)
        {
            decision = KeepDecision.SkipTooSoon;
        }
        else
        {
            decision = KeepDecision.Keep;
        }

        switch (decision)
        {
            case KeepDecision.Keep:
                _tracks[trackId] = (timestampUtc, state.KeptCount + 1);
                _counts = _counts with { Kept = _counts.Kept + 1 };
                break;
            case KeepDecision.SkipTooSoon:
                _counts = _counts with { SkippedTooSoon = _counts.SkippedTooSoon + 1 };
                break;
            case KeepDecision.SkipTrackFull:
                _counts = _counts with { SkippedTrackFull = _counts.SkippedTrackFull + 1 };
                break;
        }

        return decision;
    }

    /// <summary>Drops the state of ended tracks, so memory stays bounded on endless streams.</summary>
    public void Forget(IEnumerable<long> trackIds)
    {
        ArgumentNullException.ThrowIfNull(trackIds);

        foreach (var trackId in trackIds)
        {
            _tracks.Remove(trackId);
        }
    }
}
