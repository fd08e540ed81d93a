namespace UpPerson.Ingest;

/// <summary>
/// Waits between attempts to reopen a dropped stream: doubling from <see cref="Initial"/> up to
/// <see cref="Maximum"/>, so a camera that reboots is picked up quickly and a dead one is not hammered.
/// </summary>
public sealed record ReconnectBackoff(TimeSpan Initial, TimeSpan Maximum)
{
    public static ReconnectBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>Delay before attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Initial.Ticks * factor, Maximum.Ticks));
        return delay;
    }
}
