using TorchSharp;
using UpPerson.Model.Modules;

namespace UpPerson.Model.Petl;

/// <summary>Parameter groups of the model, as reported by <c>describe</c>.</summary>
public enum ParameterGroup
{
    Frozen,
    LoraImage,
    LoraText,
    PrefixImage,
    PrefixText,
    AdapterImage,
    AdapterText,
}

/// <summary>
/// Decides which parameters train: the PETL tensors do, the CLIP backbone does not. Every caller
/// (optimiser set-up, checkpoints, parameter counts) goes through this class.
/// </summary>
public static class PetlParameters
{
    private static readonly string[] LoraMarkers = [".lora_A", ".lora_B", ".lora_scale"];

    /// <summary>Classifies a state-dict key such as <c>visual.transformer.resblocks.3.attn.k_proj.lora_A</c>.</summary>
    public static ParameterGroup GroupOf(string name)
    {
        var image = name.StartsWith("visual.", StringComparison.Ordinal);
        if (LoraMarkers.Any(marker => name.EndsWith(marker, StringComparison.Ordinal)))
        {
            return image ? ParameterGroup.LoraImage : ParameterGroup.LoraText;
        }

        if (name.Contains(".attn.prefix.", StringComparison.Ordinal))
        {
            return image ? ParameterGroup.PrefixImage : ParameterGroup.PrefixText;
        }

        if (name.Contains(".adapter_1.", StringComparison.Ordinal) || name.Contains(".adapter_2.", StringComparison.Ordinal))
        {
            return image ? ParameterGroup.AdapterImage : ParameterGroup.AdapterText;
        }

        return ParameterGroup.Frozen;
    }

    public static bool IsTrainable(string name) => GroupOf(name) != ParameterGroup.Frozen;

    /// <summary>Freezes the backbone and unfreezes every PETL tensor.</summary>
    public static void FreezeBackbone(UpPersonClip model)
    {
        foreach (var (name, parameter) in model.named_parameters())
        {
            parameter.requires_grad = IsTrainable(name);
        }
    }

    /// <summary>The PETL tensors by name, in registration order.</summary>
    public static IReadOnlyList<(string Name, TorchSharp.Modules.Parameter Parameter)> Trainable(UpPersonClip model) =>
        model.named_parameters().Where(entry => IsTrainable(entry.name)).Select(entry => (entry.name, entry.parameter)).ToList();

    /// <summary>Element counts per group over all parameters.</summary>
    public static IReadOnlyDictionary<ParameterGroup, long> Count(UpPersonClip model)
    {
        var counts = Enum.GetValues<ParameterGroup>().ToDictionary(group => group, _ => 0L);
        foreach (var (name, parameter) in model.named_parameters())
        {
            counts[GroupOf(name)] += parameter.numel();
        }

        return counts;
    }
}
