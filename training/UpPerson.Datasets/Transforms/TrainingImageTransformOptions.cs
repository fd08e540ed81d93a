namespace UpPerson.Datasets;

/// <summary>
/// Settings of <see cref="TrainingImageTransform"/>. The defaults are UP-Person's: flip with
/// probability 0.5, 10 px zero padding, and random erasing with probability 0.5 over 2 % to 40 % of
/// the image with aspect ratios 0.3 to 3.3.
/// </summary>
public sealed record TrainingImageTransformOptions
{
    public ImageInputSpec Input { get; init; } = ImageInputSpec.UpPersonDefault;

    /// <summary>Probability of a horizontal flip, 0 to 1.</summary>
    public double FlipProbability { get; init; } = 0.5;

    /// <summary>Zero pixels added on each side before the random crop back to the input size.</summary>
    public int PaddingPixels { get; init; } = 10;

    /// <summary>Probability that random erasing is tried, 0 to 1.</summary>
    public double ErasingProbability { get; init; } = 0.5;

    /// <summary>Smallest erased fraction of the image area.</summary>
    public double ErasingMinArea { get; init; } = 0.02;

    /// <summary>Largest erased fraction of the image area.</summary>
    public double ErasingMaxArea { get; init; } = 0.4;

    /// <summary>Smallest height / width ratio of the erased rectangle; ratios are drawn uniformly in log space.</summary>
    public double ErasingMinAspectRatio { get; init; } = 0.3;

    /// <summary>Largest height / width ratio of the erased rectangle.</summary>
    public double ErasingMaxAspectRatio { get; init; } = 3.3;

    /// <summary>Rectangles drawn before erasing gives up when none fits inside the image; torchvision uses 10.</summary>
    public int ErasingAttempts { get; init; } = 10;

    /// <summary>
    /// Normalised R, G, B values written into the erased rectangle. Null writes 0, which is the mean
    /// colour after normalisation.
    /// </summary>
    /// <remarks>
    /// UP-Person's released training code passes CLIP's raw mean as torchvision's fill value after
    /// normalising, so its
    /// erased pixels are about 0.48, 0.46, 0.41 in normalised units. Set these values to reproduce that.
    /// </remarks>
    public IReadOnlyList<float>? ErasingFill { get; init; }

    /// <summary>Throws one <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Input is null)
        {
            problems.Add("Input is null; use ImageInputSpec.UpPersonDefault or your model's input size.");
        }

        AddIfNotProbability(problems, nameof(FlipProbability), FlipProbability);
        AddIfNotProbability(problems, nameof(ErasingProbability), ErasingProbability);

        if (PaddingPixels < 0)
        {
            problems.Add($"PaddingPixels is {PaddingPixels}; use 0 or more.");
        }

        if (!(ErasingMinArea > 0 && ErasingMinArea <= ErasingMaxArea && ErasingMaxArea <= 1))
        {
            problems.Add($"Erasing area range is {ErasingMinArea}..{ErasingMaxArea}; it must satisfy 0 < min <= max <= 1.");
        }

        if (!(ErasingMinAspectRatio > 0 && ErasingMinAspectRatio <= ErasingMaxAspectRatio && double.IsFinite(ErasingMaxAspectRatio)))
        {
            problems.Add($"Erasing aspect ratio range is {ErasingMinAspectRatio}..{ErasingMaxAspectRatio}; it must satisfy 0 < min <= max, finite.");
        }

        if (ErasingAttempts < 1)
        {
            problems.Add($"ErasingAttempts is {ErasingAttempts}; use 1 or more.");
        }

        if (ErasingFill is not null && (ErasingFill.Count != 3 || ErasingFill.Any(value => !float.IsFinite(value))))
        {
            problems.Add($"ErasingFill is [{string.Join(", ", ErasingFill)}]; give 3 finite values (R, G, B) or null for the mean colour.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid TrainingImageTransformOptions: {string.Join(" ", problems)}");
        }
    }

    private static void AddIfNotProbability(List<string> problems, string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            problems.Add($"{name} is {value}; use a probability from 0 to 1.");
        }
    }
}
