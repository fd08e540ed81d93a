using TorchSharp;
using TorchSharp.Modules;
using UpPerson.Model.Configuration;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>A stack of <see cref="ResidualAttentionBlock"/>s sharing one attention mask.</summary>
public sealed class Transformer : nn.Module<Tensor, Tensor?, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly ModuleList<ResidualAttentionBlock> resblocks;
#pragma warning restore IDE1006

    public Transformer(int width, int layers, int heads, int mlpWidth, TowerPetlConfig petl)
        : base(nameof(Transformer))
    {
        resblocks = new ModuleList<ResidualAttentionBlock>(
            Enumerable.Range(0, layers).Select(_ => new ResidualAttentionBlock(width, heads, mlpWidth, petl)).ToArray());
        RegisterComponents();
    }

    public IList<ResidualAttentionBlock> Blocks => resblocks;

    public override Tensor forward(Tensor input, Tensor? additiveMask)
    {
        var x = input;
        foreach (var block in resblocks)
        {
            var next = block.forward(x, additiveMask);
            if (!ReferenceEquals(x, input))
            {
                x.Dispose();
            }

            x = next;
        }

        return x;
    }
}
