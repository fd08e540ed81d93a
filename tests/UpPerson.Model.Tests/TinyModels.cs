using TorchSharp;
using UpPerson.Model.Configuration;
using UpPerson.Model.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

/// <summary>Small models and inputs shared by the model tests; every call is seeded.</summary>
internal static class TinyModels
{
    public static ClipConfig Clip => ClipPresets.Tiny;

    public static UpPersonClip Create(PetlConfig petl, long seed = 7)
    {
        torch.manual_seed(seed);
        var model = new UpPersonClip(Clip, petl);
        ClipInitializer.InitializeBackbone(model, seed);
        model.eval();
        return model;
    }

    /// <summary>Normal pixels [batch, 3, H, W] for the tiny image tower.</summary>
    public static Tensor Pixels(int batch, long seed = 11)
    {
        var generator = new Generator((ulong)seed);
        return torch.randn([batch, 3, Clip.Vision.ImageHeight, Clip.Vision.ImageWidth], generator: generator);
    }

    /// <summary>Token rows shaped like tokenizer output: SOT, random ids, EOT, zero padding.</summary>
    public static Tensor TokenIds(int batch, long seed = 13)
    {
        var random = new Random((int)seed);
        var context = Clip.Text.ContextLength;
        var ids = new long[batch * context];
        for (var row = 0; row < batch; row++)
        {
            var length = random.Next(1, 20);
            ids[row * context] = 49406;
            for (var position = 1; position <= length; position++)
            {
                ids[row * context + position] = random.Next(1, 49405);
            }

            ids[row * context + length + 1] = 49407;
        }

        return torch.tensor(ids, [batch, context]);
    }

    /// <summary>Copies every tensor that exists in both models, by name.</summary>
    public static void CopyShared(nn.Module from, nn.Module to)
    {
        using var noGrad = torch.no_grad();
        var source = from.state_dict();
        foreach (var (name, target) in to.state_dict())
        {
            if (source.TryGetValue(name, out var value))
            {
                target.copy_(value);
            }
        }
    }

    public static double MaxAbsDifference(Tensor a, Tensor b)
    {
        using var difference = (a - b).abs().max();
        return difference.item<float>();
    }

    /// <summary>Copies the PETL tensors of one model into another with the same configuration.</summary>
    public static void CopyPetl(UpPersonClip from, UpPersonClip to)
    {
        using var noGrad = torch.no_grad();
        var source = Checkpoints.PetlCheckpoint.AdapterTensors(from);
        foreach (var (name, target) in Checkpoints.PetlCheckpoint.AdapterTensors(to))
        {
            target.copy_(source[name]);
        }
    }
}
