namespace UpPerson.Ingest;

/// <summary>Settings of <see cref="TrackKeepPolicy"/>: how many crops one track yields.</summary>
public sealed class KeepPolicyOptions
{
    /// <summary>Shortest stream time between two kept crops of one track.</summary>
    public TimeSpan MinKeepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most crops kept per track, the first one included.</summary>
    public int MaxCropsPerTrack { get; set; } = 5;

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new OptionErrors(nameof(KeepPolicyOptions));
        AddProblems(errors);
        errors.ThrowIfAny();
    }

    internal void AddProblems(OptionErrors errors)
    {
        if (MinKeepInterval < TimeSpan.Zero)
        {
            errors.Add($"{nameof(MinKeepInterval)} must be >= 0, got {MinKeepInterval}");
        }

        if (MaxCropsPerTrack < 1)
        {
            errors.Add($"{nameof(MaxCropsPerTrack)} must be >= 1, got {MaxCropsPerTrack}");
        }
    }
}
