using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Optimization;

/// <summary>Builds the Adam optimiser of the UP-Person recipe from named trainable parameters.</summary>
public static class UpPersonOptimizer
{
    /// <summary>
    /// Creates <see cref="CoupledAdam"/> with two parameter groups: group 0 decays with
    /// <see cref="AdamSettings.WeightDecay"/>, group 1 contains the exempt tensors (see
    /// <see cref="WeightDecayPolicy"/>) with decay 0. Both use the same learning rate, betas and ε.
    /// A group with no tensors is left out.
    /// </summary>
    /// <param name="parameters">
    /// Trainable tensors by name, for example <c>PetlParameters.Trainable(model)</c> followed by
    /// <c>objective.named_parameters()</c> when the ID classifier trains.
    /// </param>
    /// <param name="settings">Hyper-parameters; validated here.</param>
    /// <exception cref="ArgumentException">
    /// The list is empty, a name or tensor appears twice, or a tensor is frozen or not fp32/fp64.
    /// </exception>
    public static CoupledAdam Create(IEnumerable<(string Name, Parameter Parameter)> parameters, AdamSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        var named = parameters.ToList();
        Validate(named);

        var decayed = named.Where(entry => !WeightDecayPolicy.IsExempt(entry.Name, entry.Parameter, settings)).ToList();
        var exempt = named.Where(entry => WeightDecayPolicy.IsExempt(entry.Name, entry.Parameter, settings)).ToList();
        var groups = new List<CoupledAdam.ParameterGroup>();
        if (decayed.Count > 0)
        {
            groups.Add(new CoupledAdam.ParameterGroup(decayed, settings.WeightDecay));
        }

        if (exempt.Count > 0)
        {
            groups.Add(new CoupledAdam.ParameterGroup(exempt, WeightDecay: 0));
        }

        return new CoupledAdam(groups, settings);
    }

    private static void Validate(List<(string Name, Parameter Parameter)> named)
    {
        if (named.Count == 0)
        {
            throw new ArgumentException(
                "No trainable parameters were given to the optimiser. Pass PetlParameters.Trainable(model) after enabling at least one PETL module.",
                nameof(named));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var tensors = new Dictionary<IntPtr, string>();
        foreach (var (name, parameter) in named)
        {
            if (!names.Add(name))
            {
                throw new ArgumentException($"Parameter '{name}' is listed twice. Pass each trainable tensor once.", nameof(named));
            }

            // Adam would update a tensor registered under two names twice per step.
            if (tensors.TryGetValue(parameter.Handle, out var firstName))
            {
                throw new ArgumentException(
                    $"Parameters '{firstName}' and '{name}' are the same tensor. Register each trainable tensor under one name only.",
                    nameof(named));
            }

            tensors.Add(parameter.Handle, name);

            if (!parameter.requires_grad)
            {
                throw new ArgumentException(
                    $"Parameter '{name}' does not require gradients, so Adam would never update it. " +
                    "Pass only trainable tensors, for example PetlParameters.Trainable(model) after PetlParameters.FreezeBackbone(model).",
                    nameof(named));
            }

            if (parameter.dtype is not (ScalarType.Float32 or ScalarType.Float64))
            {
                throw new ArgumentException(
                    $"Parameter '{name}' has dtype {parameter.dtype}, but trainable tensors must stay fp32: Adam's moment estimates " +
                    "underflow in half precision. Keep the PETL tensors in fp32 and cast only the frozen backbone.",
                    nameof(named));
            }
        }
    }
}
