using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace UpPerson.Model.Optimization;

/// <summary>
/// Adam with coupled L2 weight decay (torch.optim.Adam's update), written here rather than using
/// TorchSharp's <c>Adam</c> so that every scalar operand lives in a variable for the whole call.
/// </summary>
/// <remarks>
/// TorchSharp 0.107.0 converts C# numbers to native <c>Scalar</c> objects implicitly and leaves
/// them to the garbage collector, which can free one while libtorch still reads it; a training run
/// here crashed that way in PyTorch's Scalar::toDouble. Per step and tensor, with g the gradient:
/// g ← g + wd·θ; m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²;
/// θ ← θ − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε).
/// </remarks>
public sealed class CoupledAdam : IDisposable
{
    private readonly List<TensorState> _states = [];
    private bool _disposed;

    internal CoupledAdam(IReadOnlyList<ParameterGroup> groups, AdamSettings settings)
    {
        Groups = groups;
        Settings = settings;
        LearningRate = settings.LearningRate;
        foreach (var group in groups)
        {
            foreach (var (name, parameter) in group.Parameters)
            {
                _states.Add(new TensorState(name, parameter, group.WeightDecay));
            }
        }
    }

    /// <summary>Tensors that share a weight decay value.</summary>
    public sealed record ParameterGroup(IReadOnlyList<(string Name, Parameter Parameter)> Parameters, double WeightDecay);

    public IReadOnlyList<ParameterGroup> Groups { get; }

    public AdamSettings Settings { get; }

    /// <summary>Learning rate of the next <see cref="Step"/>, the same for every tensor.</summary>
    public double LearningRate { get; set; }

    /// <summary>Clears the gradients of every optimised tensor.</summary>
    public void ZeroGrad()
    {
        foreach (var state in _states)
        {
            state.Parameter.grad?.zero_();
        }
    }

    /// <summary>Applies one update to every tensor that has a gradient.</summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var noGrad = torch.no_grad();
        using var beta1 = Settings.Beta1.ToScalar();
        using var beta2 = Settings.Beta2.ToScalar();
        using var oneMinusBeta1 = (1 - Settings.Beta1).ToScalar();
        using var oneMinusBeta2 = (1 - Settings.Beta2).ToScalar();
        using var epsilon = Settings.Epsilon.ToScalar();

        foreach (var state in _states)
        {
            var gradient = state.Parameter.grad;
            if (gradient is null)
            {
                continue;
            }

            using var scope = torch.NewDisposeScope();
            state.Step++;
            var biasCorrection1 = 1 - Math.Pow(Settings.Beta1, state.Step);
            var biasCorrection2 = 1 - Math.Pow(Settings.Beta2, state.Step);
            using var weightDecay = state.WeightDecay.ToScalar();
            using var secondMomentScale = Math.Sqrt(biasCorrection2).ToScalar();
            using var negativeStepSize = (-LearningRate / biasCorrection1).ToScalar();

            var effectiveGradient = state.WeightDecay != 0 ? gradient.add(state.Parameter, weightDecay) : gradient;
            state.FirstMoment.mul_(beta1).add_(effectiveGradient, oneMinusBeta1);
            state.SecondMoment.mul_(beta2).addcmul_(effectiveGradient, effectiveGradient, oneMinusBeta2);
            var denominator = state.SecondMoment.sqrt().div_(secondMomentScale).add_(epsilon);
            state.Parameter.addcdiv_(state.FirstMoment, denominator, negativeStepSize);
        }
    }

    /// <summary>Writes the moment estimates and step counts as safetensors, keyed by parameter name.</summary>
    public void SaveState(string path)
    {
        using var scope = torch.NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var state in _states)
        {
            tensors[$"{state.Name}.exp_avg"] = state.FirstMoment.detach().cpu().contiguous();
            tensors[$"{state.Name}.exp_avg_sq"] = state.SecondMoment.detach().cpu().contiguous();
            tensors[$"{state.Name}.step"] = torch.tensor(state.Step);
        }

        Safetensors.SaveStateDict(path, tensors);
    }

    /// <summary>Restores what <see cref="SaveState"/> wrote; the names and shapes must match exactly.</summary>
    public void LoadState(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Optimiser state '{path}' was not found; the checkpoint is incomplete.", path);
        }

        var loaded = Safetensors.LoadStateDict(path);
        try
        {
            var expected = _states.SelectMany(state => new[] { $"{state.Name}.exp_avg", $"{state.Name}.exp_avg_sq", $"{state.Name}.step" }).ToHashSet(StringComparer.Ordinal);
            var missing = expected.Where(name => !loaded.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
            var unexpected = loaded.Keys.Where(name => !expected.Contains(name)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new InvalidDataException(Checkpoints.StrictTensorLoader.Describe($"optimiser state '{path}'", missing, unexpected, []));
            }

            using var noGrad = torch.no_grad();
            foreach (var state in _states)
            {
                state.FirstMoment.copy_(loaded[$"{state.Name}.exp_avg"]);
                state.SecondMoment.copy_(loaded[$"{state.Name}.exp_avg_sq"]);
                state.Step = loaded[$"{state.Name}.step"].item<long>();
            }
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var state in _states)
        {
            state.FirstMoment.Dispose();
            state.SecondMoment.Dispose();
        }
    }

    private sealed class TensorState(string name, Parameter parameter, double weightDecay)
    {
        public string Name { get; } = name;

        public Parameter Parameter { get; } = parameter;

        public double WeightDecay { get; } = weightDecay;

        public Tensor FirstMoment { get; } = torch.zeros_like(parameter).DetachFromDisposeScope();

        public Tensor SecondMoment { get; } = torch.zeros_like(parameter).DetachFromDisposeScope();

        public long Step { get; set; }
    }
}
