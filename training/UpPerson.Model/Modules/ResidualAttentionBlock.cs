using TorchSharp;
using TorchSharp.Modules;
using UpPerson.Model.Configuration;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// A pre-LN CLIP block with the UP-Person modules:
/// x = x + Attn(LN1(x) + s1·Adapter1(x)); x = x + MLP(LN2(x) + s2·Adapter2(x)).
/// </summary>
public sealed class ResidualAttentionBlock : nn.Module<Tensor, Tensor?, Tensor>
{
    public const double LayerNormEpsilon = 1e-5;

#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly LayerNorm ln_1;
    private readonly PetlAttention attn;
    private readonly LayerNorm ln_2;
    private readonly ClipMlp mlp;
    private readonly LAdapter? adapter_1;
    private readonly LAdapter? adapter_2;
#pragma warning restore IDE1006

    public ResidualAttentionBlock(int width, int heads, int mlpWidth, TowerPetlConfig petl)
        : base(nameof(ResidualAttentionBlock))
    {
        ln_1 = nn.LayerNorm(width, LayerNormEpsilon);
        attn = new PetlAttention(width, heads, petl);
        ln_2 = nn.LayerNorm(width, LayerNormEpsilon);
        mlp = new ClipMlp(width, mlpWidth);
        if (petl.Adapter)
        {
            adapter_1 = new LAdapter(width, petl.AdapterReduction);
            adapter_2 = new LAdapter(width, petl.AdapterReduction);
        }

        RegisterComponents();
    }

    public LayerNorm Ln1 => ln_1;

    public PetlAttention Attention => attn;

    public LayerNorm Ln2 => ln_2;

    public ClipMlp Mlp => mlp;

    public LAdapter? Adapter1 => adapter_1;

    public LAdapter? Adapter2 => adapter_2;

    /// <param name="input">Residual stream [batch, L, width].</param>
    /// <param name="additiveMask">Attention mask [L, L + P], or null for full attention.</param>
    public override Tensor forward(Tensor input, Tensor? additiveMask)
    {
        using var scope = torch.NewDisposeScope();

        var attentionInput = ln_1.forward(input);
        if (adapter_1 is not null)
        {
            attentionInput = attentionInput + adapter_1.forward(input);
        }

        var x = input + attn.forward(attentionInput, additiveMask);

        var mlpInput = ln_2.forward(x);
        if (adapter_2 is not null)
        {
            mlpInput = mlpInput + adapter_2.forward(x);
        }

        return (x + mlp.forward(mlpInput)).MoveToOuterDisposeScope();
    }
}
