namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Everything that changes between two images of one identity: pose, placement, scene, lighting,
/// blur, resolution loss, crop and noise. Lengths are pixels of the 384×128 canvas.
/// </summary>
internal sealed record ImageVariation
{
    public required Facing Facing { get; init; }

    /// <summary>Phase of the walking cycle in radians; legs and arms swing with its sine.</summary>
    public required double WalkPhase { get; init; }

    /// <summary>Height of the figure from the top of the head to the soles.</summary>
    public required double FigureHeight { get; init; }

    /// <summary>Horizontal centre of the figure.</summary>
    public required double CentreX { get; init; }

    /// <summary>Top of the head.</summary>
    public required double TopY { get; init; }

    public required BackgroundScene Scene { get; init; }

    /// <summary>Contrast factor applied around mid-grey (128).</summary>
    public required double Contrast { get; init; }

    /// <summary>Offset added to every channel after the contrast change.</summary>
    public required double Brightness { get; init; }

    /// <summary>Per-channel gains (blue, green, red) that tint the image like a camera's white balance.</summary>
    public required (double Blue, double Green, double Red) ColourGain { get; init; }

    /// <summary>Gaussian blur sigma; 0 leaves the image sharp.</summary>
    public required double BlurSigma { get; init; }

    /// <summary>Length of a horizontal motion-blur kernel; 0 for none.</summary>
    public required int MotionBlurLength { get; init; }

    /// <summary>Scale of a downscale-and-upscale round trip that imitates a low-resolution camera; 1 for none.</summary>
    public required double DownscaleFactor { get; init; }

    /// <summary>Fractions of the image cut from each side before resizing back, like a loose detector box.</summary>
    public required (double Top, double Bottom, double Left, double Right) Crop { get; init; }

    /// <summary>Standard deviation of additive Gaussian pixel noise.</summary>
    public required double NoiseSigma { get; init; }

    /// <summary>Whether the shoes stay in the picture; captions mention shoes only then.</summary>
    public bool FeetVisible => Crop.Bottom == 0;
}
