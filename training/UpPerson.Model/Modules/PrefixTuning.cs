using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// S-Prefix: P learnable key and value tokens inserted after position 0 of one attention layer, and
/// the boost Sp that scales the attention they receive after the softmax.
/// </summary>
/// <remarks>
/// The tokens are plain parameters (no re-parameterisation MLP), initialised U(0, 0.01), each set
/// with its own scalar multiplier (init 1). They enter after the in-projection, so they bypass the
/// key and value weights, biases and LoRA. Because Sp multiplies the prefix's attention mass, the
/// gradient reaching the tokens is multiplied by Sp as well.
/// </remarks>
public sealed class PrefixTuning : nn.Module
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Parameter keys;
    private readonly Parameter values;
    private readonly Parameter key_scale;
    private readonly Parameter value_scale;
    private readonly Parameter boost;
#pragma warning restore IDE1006

    public PrefixTuning(int length, int width, float boostInit)
        : base(nameof(PrefixTuning))
    {
        keys = new Parameter(torch.empty(length, width));
        values = new Parameter(torch.empty(length, width));
        using (torch.no_grad())
        {
            nn.init.uniform_(keys, 0, 0.01);
            nn.init.uniform_(values, 0, 0.01);
        }

        key_scale = new Parameter(torch.ones(Array.Empty<long>()));
        value_scale = new Parameter(torch.ones(Array.Empty<long>()));
        using var boostValue = boostInit.ToScalar();
        boost = new Parameter(torch.full(Array.Empty<long>(), boostValue));
        Length = length;
        RegisterComponents();
    }

    /// <summary>Draws the tokens again from <paramref name="generator"/> and resets the scalars to their initial values.</summary>
    public void Reset(Generator generator, float boostInit)
    {
        using var noGrad = torch.no_grad();
        keys.uniform_(0, 0.01, generator);
        values.uniform_(0, 0.01, generator);
        nn.init.ones_(key_scale);
        nn.init.ones_(value_scale);
        nn.init.constant_(boost, boostInit);
    }

    /// <summary>Prefix length P.</summary>
    public int Length { get; }

    public Parameter Keys => keys;

    public Parameter Values => values;

    public Parameter KeyScale => key_scale;

    public Parameter ValueScale => value_scale;

    public Parameter Boost => boost;

    /// <summary>Pk·ck as [P, width].</summary>
    public Tensor ScaledKeys() => keys * key_scale;

    /// <summary>Pv·cv as [P, width].</summary>
    public Tensor ScaledValues() => values * value_scale;

    /// <summary>
    /// Per-column attention factors for a key sequence of <paramref name="keyLength"/> = L + P:
    /// 1 for position 0, Sp for the P prefix columns, 1 for the rest. Shape [L + P].
    /// </summary>
    public Tensor ColumnBoost(long keyLength)
    {
        using var scope = torch.NewDisposeScope();
        var device = boost.device;
        var head = torch.ones(1, device: device);
        var prefix = boost.expand(Length);
        var tail = torch.ones(keyLength - 1 - Length, device: device);
        return torch.cat([head, prefix, tail]).MoveToOuterDisposeScope();
    }
}
