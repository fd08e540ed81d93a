namespace UpPerson.Model.Objectives;

/// <summary>
/// Which training losses run and how they are weighted: total = Σ weight × loss, and a weight of 0
/// turns that loss off. The default is UP-Person's setting, SDM alone.
/// </summary>
public sealed record LossConfig
{
    /// <summary>Weight of Similarity Distribution Matching.</summary>
    public double SdmWeight { get; init; } = 1.0;

    /// <summary>Weight of the image-text contrastive (InfoNCE) loss; 0 turns it off.</summary>
    public double ItcWeight { get; init; }

    /// <summary>Weight of the person-id classification loss; 0 turns it off.</summary>
    public double IdWeight { get; init; }

    /// <summary>Number of training person ids for the ID classifier; required when <see cref="IdWeight"/> is above 0.</summary>
    public int IdClassCount { get; init; }

    /// <summary>Softmax temperature τ shared by SDM and ITC; 0.02 in UP-Person, not learned.</summary>
    public double Temperature { get; init; } = SimilarityDistributionMatching.DefaultTemperature;

    /// <summary>ε inside SDM's log(q + ε).</summary>
    public double SdmEpsilon { get; init; } = SimilarityDistributionMatching.DefaultEpsilon;

    /// <summary>Checks every setting and reports all problems in one exception.</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite, all weights are 0, τ or ε is not positive, or the ID loss lacks a class count.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        CheckWeight(nameof(SdmWeight), SdmWeight, problems);
        CheckWeight(nameof(ItcWeight), ItcWeight, problems);
        CheckWeight(nameof(IdWeight), IdWeight, problems);
        if (SdmWeight == 0 && ItcWeight == 0 && IdWeight == 0)
        {
            problems.Add("all loss weights are 0, so nothing would train; set SdmWeight to 1 for the UP-Person setting");
        }

        if (IdWeight > 0 && IdClassCount <= 0)
        {
            problems.Add($"IdWeight is {IdWeight} but IdClassCount is {IdClassCount}; set it to the number of training person ids");
        }

        if (!(Temperature > 0) || !double.IsFinite(Temperature))
        {
            problems.Add($"Temperature is {Temperature}; it must be a positive number (UP-Person uses 0.02)");
        }

        if (!(SdmEpsilon > 0) || !double.IsFinite(SdmEpsilon))
        {
            problems.Add($"SdmEpsilon is {SdmEpsilon}; it must be a positive number (UP-Person uses 1e-8)");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid loss configuration: " + string.Join("; ", problems) + ".");
        }
    }

    private static void CheckWeight(string name, double weight, List<string> problems)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            problems.Add($"{name} is {weight}; weights must be finite and at least 0");
        }
    }
}
