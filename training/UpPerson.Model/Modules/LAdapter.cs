using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// L-Adapter: s · Up(ReLU(Down(x))), added to a LayerNorm's output while reading the raw residual
/// stream x, so it can adjust the feature distribution the frozen LayerNorm produces.
/// </summary>
/// <remarks>
/// Down is Kaiming-uniform (a = √5) with a zero bias; Up is all zeros, so a fresh adapter adds
/// nothing and the block starts as plain CLIP. The learnable scale s starts at 1.
/// </remarks>
public sealed class LAdapter : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Linear down;
    private readonly Linear up;
    private readonly Parameter scale;
#pragma warning restore IDE1006

    public LAdapter(int width, int reduction)
        : base(nameof(LAdapter))
    {
        var bottleneck = width / reduction;
        down = nn.Linear(width, bottleneck);
        up = nn.Linear(bottleneck, width);
        using (torch.no_grad())
        {
            nn.init.kaiming_uniform_(down.weight!, a: Math.Sqrt(5));
            nn.init.zeros_(down.bias!);
            nn.init.zeros_(up.weight!);
            nn.init.zeros_(up.bias!);
        }

        scale = new Parameter(torch.ones(Array.Empty<long>()));
        RegisterComponents();
    }

    /// <summary>Draws the down projection again from <paramref name="generator"/>; everything else starts at its fixed value.</summary>
    public void Reset(Generator generator)
    {
        using var noGrad = torch.no_grad();
        var bound = 1.0 / Math.Sqrt(down.weight!.shape[1]);
        down.weight!.uniform_(-bound, bound, generator);
        nn.init.zeros_(down.bias!);
        nn.init.zeros_(up.weight!);
        nn.init.zeros_(up.bias!);
        nn.init.ones_(scale);
    }

    public Linear Down => down;

    public Linear Up => up;

    public Parameter Scale => scale;

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var hidden = nn.functional.relu(down.forward(input));
        return (up.forward(hidden) * scale).MoveToOuterDisposeScope();
    }
}
