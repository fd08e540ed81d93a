namespace UpPerson.Model.Configuration;

/// <summary>The PETL modules inside every block of one tower.</summary>
/// <param name="Prefix">S-Prefix: learnable key and value tokens inserted after position 0.</param>
/// <param name="PrefixLength">Prefix tokens P per block.</param>
/// <param name="PrefixBoostInit">Initial S-Prefix boost Sp, the factor applied to the attention the
/// prefix receives after the softmax. 10 is the value in the UP-Person paper (Liu et al., TCSVT 2025);
/// the authors' current code uses 100, and 500 is reported to diverge.</param>
/// <param name="Lora">LoRA on the key and value projections.</param>
/// <param name="LoraRank">LoRA rank r.</param>
/// <param name="Adapter">L-Adapters beside both LayerNorms of every block.</param>
/// <param name="AdapterReduction">Bottleneck width is the tower width divided by this.</param>
public sealed record TowerPetlConfig(
    bool Prefix,
    int PrefixLength,
    float PrefixBoostInit,
    bool Lora,
    int LoraRank,
    bool Adapter,
    int AdapterReduction)
{
    public const float PaperPrefixBoost = 10f;

    public const int PaperAdapterReduction = 8;

    /// <summary>No PETL module: the tower is plain CLIP.</summary>
    public static TowerPetlConfig Disabled { get; } = new(false, 0, PaperPrefixBoost, false, 0, false, PaperAdapterReduction);

    /// <summary>All three modules with the given rank and prefix length, paper defaults otherwise.</summary>
    public static TowerPetlConfig All(int loraRank, int prefixLength) =>
        new(true, prefixLength, PaperPrefixBoost, true, loraRank, true, PaperAdapterReduction);

    /// <summary>Prefix tokens actually inserted (0 when S-Prefix is off).</summary>
    public int ActivePrefixLength => Prefix ? PrefixLength : 0;

    public bool AnyEnabled => Prefix || Lora || Adapter;

    internal void AddProblems(string tower, int width, List<string> problems)
    {
        if (Prefix && PrefixLength <= 0)
        {
            problems.Add($"{tower}.prefixLength must be positive when the prefix is enabled, got {PrefixLength}");
        }

        if (Prefix && !(PrefixBoostInit > 0 && float.IsFinite(PrefixBoostInit)))
        {
            problems.Add($"{tower}.prefixBoostInit must be a positive number, got {PrefixBoostInit}");
        }

        if (Lora && (LoraRank <= 0 || LoraRank > width))
        {
            problems.Add($"{tower}.loraRank must be in 1..{width}, got {LoraRank}");
        }

        if (Adapter && (AdapterReduction <= 0 || width % AdapterReduction != 0))
        {
            problems.Add($"{tower}.adapterReduction must divide the tower width {width}, got {AdapterReduction}");
        }
    }
}

/// <summary>PETL configuration of both towers.</summary>
public sealed record PetlConfig(TowerPetlConfig Vision, TowerPetlConfig Text)
{
    public static PetlConfig Disabled { get; } = new(TowerPetlConfig.Disabled, TowerPetlConfig.Disabled);

    public static PetlConfig Both(int loraRank, int prefixLength) =>
        new(TowerPetlConfig.All(loraRank, prefixLength), TowerPetlConfig.All(loraRank, prefixLength));

    public bool AnyEnabled => Vision.AnyEnabled || Text.AnyEnabled;

    /// <summary>Checks the modules against the backbone and throws one error listing every problem.</summary>
    public PetlConfig Validate(ClipConfig clip)
    {
        var problems = new List<string>();
        Vision.AddProblems("petl.vision", clip.Vision.Width, problems);
        Text.AddProblems("petl.text", clip.Text.Width, problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid PETL configuration: {string.Join("; ", problems)}.");
        }

        return this;
    }
}
