using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>CLIP's GELU approximation x · σ(1.702 x), which OpenAI's weights were trained with.</summary>
public sealed class QuickGelu : nn.Module<Tensor, Tensor>
{
    public const double Slope = 1.702;

    // Held for the process lifetime: TorchSharp leaves implicitly converted scalars to the garbage
    // collector, which can free one while libtorch still reads it.
    private static readonly Scalar SlopeScalar = Slope.ToScalar();

    public QuickGelu()
        : base(nameof(QuickGelu))
    {
    }

    public override Tensor forward(Tensor input)
    {
        using var scaled = input.mul(SlopeScalar);
        using var gate = scaled.sigmoid();
        return input * gate;
    }
}
