namespace UpPerson.Ingest;

/// <summary>Settings of <see cref="IouTracker"/>.</summary>
public sealed class TrackerOptions
{
    /// <summary>
    /// Lowest intersection over union between a track's last box and a new box for them to match.
    /// In OpenCV's <c>vtest.avi</c> sampled at 2 fps, the best IoU of a HOG box with a box of the
    /// previous sample has a median of 0.47 and is below 0.3 for about a quarter of boxes. The
    /// default of 0.1 keeps most walks in one track, at the risk of swapping people who pass close by.
    /// </summary>
    public double MinIou { get; set; } = 0.1;

    /// <summary>Longest stream time a track may go unmatched before it ends.</summary>
    public TimeSpan MaxGap { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new OptionErrors(nameof(TrackerOptions));
        AddProblems(errors);
        errors.ThrowIfAny();
    }

    internal void AddProblems(OptionErrors errors)
    {
        if (!(MinIou > 0 && MinIou <= 1))
        {
            errors.Add($"{nameof(MinIou)} must be > 0 and <= 1, got {MinIou}");
        }

        if (MaxGap <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(MaxGap)} must be > 0, got {MaxGap}");
        }
    }
}
