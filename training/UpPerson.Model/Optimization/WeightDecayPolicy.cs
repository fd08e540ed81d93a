using TorchSharp.Modules;

namespace UpPerson.Model.Optimization;

/// <summary>Decides which trainable tensors get weight decay.</summary>
/// <remarks>
/// A bias is a parameter whose last name segment is exactly <c>bias</c>, as <c>nn.Linear</c> and
/// <c>nn.LayerNorm</c> name it (<c>…adapter_1.down.bias</c>, <c>id_classifier.classifier.bias</c>).
/// A name that only contains the word, such as <c>bias_scale</c>, is not a bias. The UP-Person
/// authors' code (solver/build.py) matches the substring <c>bias</c> anywhere in the name, but for
/// this model's trainable tensors both rules select the same set: the adapter biases, plus the ID
/// classifier's bias. A scalar is a parameter with no dimensions (the LoRA, prefix and adapter
/// scales and the prefix boost). It is exempt only when
/// <see cref="AdamSettings.ExemptScalarsFromWeightDecay"/> is set.
/// </remarks>
public static class WeightDecayPolicy
{
    public static bool IsBias(string name) =>
        name == "bias" || name.EndsWith(".bias", StringComparison.Ordinal);

    public static bool IsScalar(Parameter parameter) => parameter.dim() == 0;

    /// <summary>Returns whether the parameter gets weight decay 0 under <paramref name="settings"/>.</summary>
    public static bool IsExempt(string name, Parameter parameter, AdamSettings settings) =>
        IsBias(name) || (settings.ExemptScalarsFromWeightDecay && IsScalar(parameter));
}
