namespace UpPerson.Ingest;

/// <summary>How person boxes become crops.</summary>
public sealed class CropOptions
{
    /// <summary>
    /// Context added around the person box on each side, as a fraction of the box's width
    /// (left and right) and height (top and bottom). 0 crops the box as detected.
    /// </summary>
    public double MarginFraction { get; set; }

    /// <summary>Narrowest person box kept after clamping it to the frame, in pixels.</summary>
    public int MinWidthPixels { get; set; } = 16;

    /// <summary>Shortest person box kept after clamping it to the frame, in pixels.</summary>
    public int MinHeightPixels { get; set; } = 48;

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new OptionErrors(nameof(CropOptions));
        AddProblems(errors);
        errors.ThrowIfAny();
    }

    internal void AddProblems(OptionErrors errors)
    {
        if (!(MarginFraction >= 0 && MarginFraction <= 1))
        {
            errors.Add($"{nameof(MarginFraction)} must be between 0 and 1, got {MarginFraction}");
        }

        if (MinWidthPixels < 1)
        {
            errors.Add($"{nameof(MinWidthPixels)} must be >= 1, got {MinWidthPixels}");
        }

        if (MinHeightPixels < 1)
        {
            errors.Add($"{nameof(MinHeightPixels)} must be >= 1, got {MinHeightPixels}");
        }
    }
}
