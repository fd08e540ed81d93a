namespace UpPerson.Ingest;

/// <summary>
/// Settings of <see cref="HogPersonDetector"/>. The defaults were tuned on OpenCV's
/// <c>vtest.avi</c> (768x576, people about 80 to 160 pixels tall).
/// </summary>
public sealed class HogDetectorOptions
{
    /// <summary>
    /// Factor the frame is enlarged by before detection. The default people detector's window
    /// is 64x128 pixels, so it finds no box shorter than 128 / UpscaleFactor frame pixels.
    /// 1 turns upscaling off; detection time grows with the square of the factor.
    /// </summary>
    public double UpscaleFactor { get; set; } = 1.5;

    /// <summary>Step of the detection window in pixels of the upscaled image; must be a multiple of 8 (the HOG cell size).</summary>
    public int WindowStridePixels { get; set; } = 8;

    /// <summary>Border added around the upscaled image in pixels, so windows can reach past its edges.</summary>
    public int PaddingPixels { get; set; } = 8;

    /// <summary>Ratio between the sizes of successive image pyramid levels; lower finds more sizes but runs longer.</summary>
    public double PyramidScale { get; set; } = 1.05;

    /// <summary>SVM margin a window needs to count as a hit; raise it to trade recall for precision.</summary>
    public double HitThreshold { get; set; }

    /// <summary>
    /// Overlapping hits OpenCV needs to keep a group (its <c>groupThreshold</c>); 0 turns grouping off.
    /// </summary>
    public int GroupThreshold { get; set; } = 2;

    /// <summary>Lowest grouped score a detection may have.</summary>
    public double MinScore { get; set; }

    /// <summary>
    /// Non-maximum suppression: a box is dropped when its overlap with a stronger box, as a fraction
    /// of the smaller box's area, exceeds this value. Measuring against the smaller box removes the
    /// large boxes HOG draws around groups of people. 1 turns suppression off.
    /// </summary>
    public double SuppressionOverlapThreshold { get; set; } = 0.65;

    /// <summary>Shortest box kept, in frame pixels after clamping to the frame.</summary>
    public int MinBoxHeightPixels { get; set; } = 64;

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new OptionErrors(nameof(HogDetectorOptions));
        AddProblems(errors);
        errors.ThrowIfAny();
    }

    internal void AddProblems(OptionErrors errors)
    {
        if (!(UpscaleFactor >= 1 && UpscaleFactor <= 4))
        {
            errors.Add($"{nameof(UpscaleFactor)} must be between 1 and 4, got {UpscaleFactor}");
        }

        if (WindowStridePixels <= 0 || WindowStridePixels % 8 != 0)
        {
            errors.Add($"{nameof(WindowStridePixels)} must be a positive multiple of 8, got {WindowStridePixels}");
        }

        if (PaddingPixels < 0)
        {
            errors.Add($"{nameof(PaddingPixels)} must be >= 0, got {PaddingPixels}");
        }

        if (!(PyramidScale > 1 && PyramidScale <= 2))
        {
            errors.Add($"{nameof(PyramidScale)} must be > 1 and <= 2, got {PyramidScale}");
        }

        if (!double.IsFinite(HitThreshold))
        {
            errors.Add($"{nameof(HitThreshold)} must be a finite number, got {HitThreshold}");
        }

        if (GroupThreshold < 0)
        {
            errors.Add($"{nameof(GroupThreshold)} must be >= 0, got {GroupThreshold}");
        }

        if (!double.IsFinite(MinScore))
        {
            errors.Add($"{nameof(MinScore)} must be a finite number, got {MinScore}");
        }

        if (!(SuppressionOverlapThreshold > 0 && SuppressionOverlapThreshold <= 1))
        {
            errors.Add($"{nameof(SuppressionOverlapThreshold)} must be > 0 and <= 1, got {SuppressionOverlapThreshold}");
        }

        if (MinBoxHeightPixels < 1)
        {
            errors.Add($"{nameof(MinBoxHeightPixels)} must be >= 1, got {MinBoxHeightPixels}");
        }
    }
}
