using TorchSharp;
using UpPerson.Model.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

public sealed class LoraMergeTests
{
    [Fact]
    public void MergedWeight_NonZeroUpdate_EqualsUnmergedForward()
    {
        torch.manual_seed(21);
        using var layer = new LoraLinear(16, 12, rank: 4);
        using (torch.no_grad())
        {
            layer.LoraB!.normal_(0, 0.5);
            layer.LoraScale!.FillWith(0.7f);
            layer.Bias.normal_(0, 0.1);
        }

        using var input = torch.randn(3, 5, 16);
        using var noGrad = torch.no_grad();

        using var unmerged = layer.forward(input);
        using var merged = nn.functional.linear(input, layer.MergedWeight(), layer.Bias);

        Assert.True(TinyModels.MaxAbsDifference(unmerged, merged) <= 1e-5);
        using var plain = nn.functional.linear(input, layer.Weight, layer.Bias);
        Assert.True(TinyModels.MaxAbsDifference(unmerged, plain) > 1e-2);
    }

    [Fact]
    public void Constructor_RankZero_HasOnlyBaseParameters()
    {
        using var layer = new LoraLinear(8, 8, rank: 0);

        var names = layer.named_parameters().Select(p => p.name).ToArray();

        Assert.Equal(new[] { "weight", "bias" }, names);
    }

    [Fact]
    public void Constructor_Rank_InitialisesAUniformAndBZero()
    {
        torch.manual_seed(4);
        using var layer = new LoraLinear(64, 64, rank: 8);

        var bound = 1.0 / Math.Sqrt(64);
        using var maxA = layer.LoraA!.abs().max();
        using var maxB = layer.LoraB!.abs().max();
        Assert.True(maxA.item<float>() <= bound + 1e-7);
        Assert.True(maxA.item<float>() > bound * 0.9);
        Assert.Equal(0f, maxB.item<float>());
        Assert.Equal(1f, layer.LoraScale!.item<float>());
    }
}
