using TorchSharp;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Configuration;
using UpPerson.Model.Modules;
using UpPerson.Model.Petl;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

public sealed class PetlInitializerTests
{
    [Fact]
    public void Initialize_SameSeedWithGlobalDrawsBetween_SameTensors()
    {
        using var first = new UpPersonClip(ClipPresets.Tiny, UpPersonPresets.Tiny.Petl);
        PetlInitializer.Initialize(first, seed: 3);
        using (torch.randn(1000))
        {
        }

        using var second = new UpPersonClip(ClipPresets.Tiny, UpPersonPresets.Tiny.Petl);
        PetlInitializer.Initialize(second, seed: 3);

        var expected = PetlCheckpoint.AdapterTensors(first);
        foreach (var (name, tensor) in PetlCheckpoint.AdapterTensors(second))
        {
            Assert.Equal(expected[name].data<float>().ToArray(), tensor.data<float>().ToArray());
        }
    }

    [Fact]
    public void Initialize_Tiny_FollowsSpecifiedInitialisation()
    {
        var petl = UpPersonPresets.Tiny.Petl with { Vision = UpPersonPresets.Tiny.Petl.Vision with { PrefixBoostInit = 100f } };
        using var model = new UpPersonClip(ClipPresets.Tiny, petl);

        PetlInitializer.Initialize(model, seed: 9);

        var block = model.Visual.Transformer.Blocks[0];
        var bound = 1.0 / Math.Sqrt(ClipPresets.Tiny.Vision.Width);
        Assert.InRange(block.Attention.KProj.LoraA!.abs().max().item<float>(), bound * 0.5, bound);
        Assert.Equal(0f, block.Attention.KProj.LoraB!.abs().max().item<float>());
        Assert.Equal(1f, block.Attention.VProj.LoraScale!.item<float>());
        Assert.InRange(block.Attention.Prefix!.Keys.min().item<float>(), 0f, 0.01f);
        Assert.InRange(block.Attention.Prefix.Values.max().item<float>(), 0f, 0.01f);
        Assert.Equal(100f, block.Attention.Prefix.Boost.item<float>());
        Assert.Equal(10f, model.Text.Transformer.Blocks[0].Attention.Prefix!.Boost.item<float>());
        Assert.Equal(0f, block.Adapter1!.Up.weight!.abs().max().item<float>());
        Assert.Equal(0f, block.Adapter2!.Down.bias!.abs().max().item<float>());
        Assert.Equal(1f, block.Adapter2.Scale.item<float>());
        Assert.True(block.Adapter1.Down.weight!.abs().max().item<float>() > 0);
    }
}
