using TorchSharp;
using UpPerson.Model.Configuration;
using UpPerson.Model.Optimization;
using UpPerson.Model.Petl;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

public sealed class FrozenBackboneTests
{
    [Fact]
    public void OptimizerStep_PetlTraining_FrozenBitIdenticalAndTrainablesChange()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl);
        PetlParameters.FreezeBackbone(model);
        model.train();
        var trainable = PetlParameters.Trainable(model);
        var frozenBefore = model.named_parameters()
            .Where(p => !PetlParameters.IsTrainable(p.name))
            .ToDictionary(p => p.name, p => p.parameter.detach().clone());
        var trainableBefore = trainable.ToDictionary(p => p.Name, p => p.Parameter.detach().clone());
        using var optimizer = UpPersonOptimizer.Create(trainable, new AdamSettings { LearningRate = 1e-2 });
        using var pixels = TinyModels.Pixels(4);
        using var ids = TinyModels.TokenIds(4);

        for (var step = 0; step < 2; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.ZeroGrad();
            var image = nn.functional.normalize(model.EncodeImage(pixels), dim: -1);
            var text = nn.functional.normalize(model.EncodeText(ids), dim: -1);
            var loss = nn.functional.cross_entropy(image.matmul(text.t()).Times(50), torch.arange(4));
            loss.backward();
            optimizer.Step();

            if (step == 0)
            {
                foreach (var (name, parameter) in model.named_parameters().Where(p => !PetlParameters.IsTrainable(p.name)))
                {
                    Assert.True(BitEqual(parameter, frozenBefore[name]), $"frozen tensor {name} changed");
                    Assert.False(parameter.requires_grad, $"frozen tensor {name} requires grad");
                }
            }
        }

        foreach (var (name, parameter) in trainable)
        {
            Assert.False(BitEqual(parameter, trainableBefore[name]), $"trainable tensor {name} did not change in two steps");
        }

        Assert.NotEmpty(trainable);
        Assert.All(frozenBefore, entry => Assert.True(BitEqual(model.get_parameter(entry.Key)!, entry.Value), entry.Key));
    }

    private static bool BitEqual(Tensor a, Tensor b)
    {
        var left = a.detach().contiguous().data<float>().ToArray();
        var right = b.detach().contiguous().data<float>().ToArray();
        return left.Length == right.Length
            && left.Zip(right).All(pair => BitConverter.SingleToInt32Bits(pair.First) == BitConverter.SingleToInt32Bits(pair.Second));
    }
}
