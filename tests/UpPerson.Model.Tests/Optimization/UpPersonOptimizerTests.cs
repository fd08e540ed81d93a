using TorchSharp;
using TorchSharp.Modules;
using UpPerson.Model.Configuration;
using UpPerson.Model.Objectives;
using UpPerson.Model.Optimization;
using UpPerson.Model.Petl;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests.Optimization;

public sealed class UpPersonOptimizerTests
{
    [Fact]
    public void Step_ZeroLossGradient_WeightDecaysAndBiasDoesNot()
    {
        // The loss gradient is 0, so Adam receives only the coupled L2 term g = wd·θ = 4e-5 for θ = 1.
        // Step 1 has m̂ = g and v̂ = g², so Δθ = −lr·g / (|g| + ε) = −1e-3 · 4e-5 / (4e-5 + 1e-3)
        // = −3.846154e-5. AdamW would give −lr·wd·θ = −4e-8 instead, and ε = 1e-8 would give −1e-3.
        // The bias is exempt: g = 0, m = 0, so it does not move at all.
        using var scope = torch.NewDisposeScope();
        var weight = new Parameter(torch.ones(3));
        var bias = new Parameter(torch.ones(3));
        using var optimizer = UpPersonOptimizer.Create([("layer.weight", weight), ("layer.bias", bias)], new AdamSettings());

        ZeroLoss(weight, bias).backward();
        optimizer.Step();

        var expectedWeight = 1 - 1e-3 * 4e-5 / (4e-5 + 1e-3);
        foreach (var value in weight.data<float>().ToArray())
        {
            Assert.Equal(expectedWeight, value, 1e-7);
        }

        Assert.Equal(new float[] { 1, 1, 1 }, bias.data<float>().ToArray());
    }

    [Fact]
    public void Create_RecipeSettings_GroupOptionsMatch()
    {
        using var scope = torch.NewDisposeScope();
        var weight = new Parameter(torch.ones(2, 2));
        var bias = new Parameter(torch.zeros(2));
        using var optimizer = UpPersonOptimizer.Create([("down.weight", weight), ("down.bias", bias)], new AdamSettings());

        var groups = optimizer.Groups;

        Assert.Equal(2, groups.Count);
        Assert.Equal(1e-3, optimizer.LearningRate);
        Assert.Equal(0.9, optimizer.Settings.Beta1);
        Assert.Equal(0.999, optimizer.Settings.Beta2);
        Assert.Equal(1e-3, optimizer.Settings.Epsilon);
        Assert.Equal(4e-5, groups[0].WeightDecay);
        Assert.Same(weight, Assert.Single(groups[0].Parameters).Parameter);
        Assert.Equal(0.0, groups[1].WeightDecay);
        Assert.Same(bias, Assert.Single(groups[1].Parameters).Parameter);
    }

    [Fact]
    public void Create_ScalarParameter_DecaysUnlessExempted()
    {
        using var scope = torch.NewDisposeScope();
        var scale = new Parameter(torch.ones(Array.Empty<long>()));
        var weight = new Parameter(torch.ones(2));

        using var recipe = UpPersonOptimizer.Create([("adapter_1.scale", scale), ("up.weight", weight)], new AdamSettings());
        using var exempting = UpPersonOptimizer.Create(
            [("adapter_1.scale", scale), ("up.weight", weight)],
            new AdamSettings { ExemptScalarsFromWeightDecay = true });

        var recipeGroup = Assert.Single(recipe.Groups);
        Assert.Equal(2, recipeGroup.Parameters.Count);
        var exemptGroups = exempting.Groups;
        Assert.Equal(0.0, exemptGroups[1].WeightDecay);
        Assert.Same(scale, Assert.Single(exemptGroups[1].Parameters).Parameter);
    }

    [Fact]
    public void IsExempt_TinyModel_OnlyAdapterBiases()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl);
        PetlParameters.FreezeBackbone(model);
        var trainable = PetlParameters.Trainable(model);
        var settings = new AdamSettings();

        var exempt = trainable.Where(entry => WeightDecayPolicy.IsExempt(entry.Name, entry.Parameter, settings)).Select(entry => entry.Name).ToArray();

        // Two adapters per block, each with a down and an up bias.
        Assert.NotEmpty(exempt);
        Assert.All(exempt, name => Assert.Matches(@"\.adapter_[12]\.(down|up)\.bias$", name));
        Assert.Equal(trainable.Count(entry => entry.Name.Contains(".adapter_", StringComparison.Ordinal) && entry.Name.EndsWith(".bias", StringComparison.Ordinal)), exempt.Length);
        Assert.DoesNotContain(exempt, name => name.Contains("lora", StringComparison.Ordinal) || name.Contains("prefix", StringComparison.Ordinal));

        // The authors' rule, "bias" anywhere in the name, selects the same tensors here.
        Assert.Equal(trainable.Where(entry => entry.Name.Contains("bias", StringComparison.Ordinal)).Select(entry => entry.Name), exempt);
    }

    [Fact]
    public void Create_ModelAndIdClassifier_ClassifierBiasExempt()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl);
        PetlParameters.FreezeBackbone(model);
        using var objective = new RetrievalObjective(new LossConfig { IdWeight = 1, IdClassCount = 4 }, embeddingDimension: 8);
        var parameters = PetlParameters.Trainable(model).Concat(objective.named_parameters().Select(entry => (entry.name, entry.parameter))).ToList();

        using var optimizer = UpPersonOptimizer.Create(parameters, new AdamSettings());

        var exemptGroup = optimizer.Groups[^1];
        Assert.Contains(objective.IdClassifier!.named_parameters().Single(entry => entry.name == "classifier.bias").parameter, exemptGroup.Parameters.Select(entry => entry.Parameter));
        Assert.Equal(parameters.Count, optimizer.Groups.Sum(group => group.Parameters.Count));
    }

    [Fact]
    public void Create_SameTensorTwice_ErrorNamesBothNames()
    {
        using var scope = torch.NewDisposeScope();
        var keys = new Parameter(torch.ones(2, 2));

        var error = Assert.Throws<ArgumentException>(() =>
            UpPersonOptimizer.Create([("attn.prefix.keys", keys), ("attn.prefix_copy.keys", keys)], new AdamSettings()));

        Assert.Contains("'attn.prefix.keys' and 'attn.prefix_copy.keys' are the same tensor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FrozenParameter_ErrorNamesIt()
    {
        using var scope = torch.NewDisposeScope();
        var frozen = new Parameter(torch.ones(2), requires_grad: false);

        var error = Assert.Throws<ArgumentException>(() => UpPersonOptimizer.Create([("visual.proj", frozen)], new AdamSettings()));

        Assert.Contains("'visual.proj' does not require gradients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HalfPrecisionParameter_ErrorNamesDtype()
    {
        using var scope = torch.NewDisposeScope();
        var half = new Parameter(torch.ones(2, dtype: ScalarType.Float16));

        var error = Assert.Throws<ArgumentException>(() => UpPersonOptimizer.Create([("lora_A", half)], new AdamSettings()));

        Assert.Contains("'lora_A' has dtype Float16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoParameters_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => UpPersonOptimizer.Create([], new AdamSettings()));

        Assert.Contains("No trainable parameters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadSettings_ListsEveryProblem()
    {
        var settings = new AdamSettings { LearningRate = 0, Beta2 = 1, Epsilon = -1 };

        var error = Assert.Throws<ArgumentException>(() => settings.Validate());

        Assert.Contains("LearningRate is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Beta2 is 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Epsilon is -1", error.Message, StringComparison.Ordinal);
    }

    // A loss whose gradient is exactly zero, built without implicit scalar conversions.
    internal static Tensor ZeroLoss(Tensor weight, Tensor bias)
    {
        using var zero = 0.0.ToScalar();
        return weight.mul(zero).sum() + bias.mul(zero).sum();
    }
}
