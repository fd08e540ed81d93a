namespace UpPerson.Ingest;

/// <summary>
/// Picks frames on a fixed grid of stream time, so the sampled rate does not drift when the
/// stream's frame interval is not a multiple of the sampling interval (29.97 fps, for example).
/// </summary>
internal sealed class FrameSampler
{
    // Containers with a millisecond time base (Matroska) round presentation times, so a frame up
    // to this much before a grid point still counts as reaching it.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    private readonly TimeSpan _interval;
    private TimeSpan? _origin;
    private TimeSpan _nextDue;

    public FrameSampler(double framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);

        _interval = TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(TimeSpan.TicksPerSecond / framesPerSecond)));
    }

    /// <summary>Returns whether the frame at this stream position is sampled, and advances the grid if so.</summary>
    public bool ShouldSample(TimeSpan position)
    {
        if (_origin is null)
        {
            // The grid starts at the first frame, which live streams rarely put at zero.
            _origin = position;
            _nextDue = position + _interval;
            return true;
        }

        if (position + Tolerance < _nextDue)
        {
            return false;
        }

        // Skip every grid point this frame has passed, so a gap in the stream yields one sample, not a burst.
        var stepsPassed = (position + Tolerance - _origin.Value).Ticks / _interval.Ticks;
        _nextDue = _origin.Value + TimeSpan.FromTicks((stepsPassed + 1) * _interval.Ticks);
        return true;
    }
}
