namespace UpPerson.Model.Optimization;

/// <summary>
/// Adam hyper-parameters of the UP-Person recipe. Weight decay is the coupled L2 penalty of
/// <c>torch.optim.Adam</c> (wd·θ added to the gradient before the moment estimates), not AdamW's
/// decoupled decay.
/// </summary>
public sealed record AdamSettings
{
    /// <summary>Peak learning rate, the same for every trainable tensor: 1e-3 for CUHK-PEDES and ICFG-PEDES, 1e-4 for RSTPReid.</summary>
    public double LearningRate { get; init; } = 1e-3;

    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    /// <summary>Denominator term ε: 1e-3 rather than Adam's usual 1e-8, which damps the steps of tensors with tiny gradients.</summary>
    public double Epsilon { get; init; } = 1e-3;

    /// <summary>Coupled L2 weight decay for every tensor that <see cref="WeightDecayPolicy"/> does not exempt.</summary>
    public double WeightDecay { get; init; } = 4e-5;

    /// <summary>
    /// Whether 0-d tensors (the LoRA, prefix and adapter scales and the prefix boost) are exempt
    /// from weight decay as well as biases. Off by default: the recipe exempts only biases, so the
    /// scalars decay like weights.
    /// </summary>
    public bool ExemptScalarsFromWeightDecay { get; init; }

    /// <summary>Checks every setting and reports all problems in one exception.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public AdamSettings Validate()
    {
        var problems = new List<string>();
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            problems.Add($"LearningRate is {LearningRate}; it must be a positive number (the recipe uses 1e-3 or 1e-4)");
        }

        if (!(Beta1 >= 0 && Beta1 < 1))
        {
            problems.Add($"Beta1 is {Beta1}; it must be in [0, 1) (the recipe uses 0.9)");
        }

        if (!(Beta2 >= 0 && Beta2 < 1))
        {
            problems.Add($"Beta2 is {Beta2}; it must be in [0, 1) (the recipe uses 0.999)");
        }

        if (!(Epsilon > 0) || !double.IsFinite(Epsilon))
        {
            problems.Add($"Epsilon is {Epsilon}; it must be a positive number (the recipe uses 1e-3)");
        }

        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay))
        {
            problems.Add($"WeightDecay is {WeightDecay}; it must be a number of at least 0 (the recipe uses 4e-5)");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Adam settings: " + string.Join("; ", problems) + ".");
        }

        return this;
    }
}
