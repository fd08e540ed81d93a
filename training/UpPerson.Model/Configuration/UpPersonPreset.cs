namespace UpPerson.Model.Configuration;

/// <summary>A backbone, its PETL modules and the learning rate they are trained with.</summary>
public sealed record UpPersonPreset(string Name, ClipConfig Clip, PetlConfig Petl, double LearningRate)
{
    public UpPersonPreset Validate()
    {
        Clip.Validate();
        Petl.Validate(Clip);
        if (!(LearningRate > 0))
        {
            throw new ArgumentException($"Preset '{Name}': learning rate must be positive, got {LearningRate}.");
        }

        return this;
    }

    /// <summary>The same modules on another backbone, for example ViT-L/14.</summary>
    public UpPersonPreset WithClip(ClipConfig clip) => this with { Clip = clip };
}

/// <summary>
/// Named model settings: UP-Person per dataset (LoRA rank r, prefix length P and learning rate, on
/// ViT-B/16), plain CLIP backbones without PETL modules, and a tiny model for tests.
/// </summary>
public static class UpPersonPresets
{
    /// <summary>Plain CLIP ViT-B/16; 1e-5 is the rate IRRA fine-tunes all of CLIP with.</summary>
    public static UpPersonPreset VitB16 { get; } = new("vit-b16", ClipPresets.VitB16, PetlConfig.Disabled, 1e-5);

    /// <summary>Plain CLIP ViT-L/14.</summary>
    public static UpPersonPreset VitL14 { get; } = new("vit-l14", ClipPresets.VitL14, PetlConfig.Disabled, 1e-5);

    public static UpPersonPreset CuhkPedes { get; } = new("cuhk-pedes", ClipPresets.VitB16, PetlConfig.Both(loraRank: 32, prefixLength: 10), 1e-3);

    public static UpPersonPreset IcfgPedes { get; } = new("icfg-pedes", ClipPresets.VitB16, PetlConfig.Both(loraRank: 32, prefixLength: 14), 1e-3);

    public static UpPersonPreset RstpReid { get; } = new("rstpreid", ClipPresets.VitB16, PetlConfig.Both(loraRank: 16, prefixLength: 2), 1e-4);

    /// <summary>The tiny backbone with every module on, small rank and prefix, for tests.</summary>
    public static UpPersonPreset Tiny { get; } = new("tiny", ClipPresets.Tiny, PetlConfig.Both(loraRank: 4, prefixLength: 2), 1e-3);

    /// <summary>The small backbone with every module on (r 8, P 4), for CPU experiments on synthetic data.</summary>
    public static UpPersonPreset Small { get; } = new("small", ClipPresets.Small, PetlConfig.Both(loraRank: 8, prefixLength: 4), 1e-3);

    public static IReadOnlyList<string> Names { get; } = ["cuhk-pedes", "icfg-pedes", "rstpreid", "tiny", "small", "vit-b16", "vit-l14"];

    /// <summary>Finds a preset by name; the error lists the known names.</summary>
    public static UpPersonPreset Get(string name) => name switch
    {
        "cuhk-pedes" => CuhkPedes,
        "icfg-pedes" => IcfgPedes,
        "rstpreid" => RstpReid,
        "tiny" => Tiny,
        "small" => Small,
        "vit-b16" => VitB16,
        "vit-l14" => VitL14,
        _ => throw new ArgumentException(
            $"Unknown UP-Person preset '{name}'. Known presets: {string.Join(", ", Names)}."),
    };
}
