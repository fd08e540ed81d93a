using TorchSharp;
using TorchSharp.Modules;
using UpPerson.Model.Configuration;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// Multi-head self-attention with separate q/k/v/out projections, LoRA on keys and values, and an
/// optional S-Prefix.
/// </summary>
/// <remarks>
/// With a prefix of length P, the key and value sequences become [k0, P prefix tokens, k1..]
/// while queries keep length L, so outputs keep the input's shape and pooling positions. The
/// attention weights on the P prefix columns are multiplied by Sp after the softmax, without
/// renormalising.
/// </remarks>
public sealed class PetlAttention : nn.Module<Tensor, Tensor?, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Linear q_proj;
    private readonly LoraLinear k_proj;
    private readonly LoraLinear v_proj;
    private readonly Linear out_proj;
    private readonly PrefixTuning? prefix;
#pragma warning restore IDE1006

    private readonly int _heads;
    private readonly int _headDim;
    // A field rather than a temporary: TorchSharp leaves implicitly converted scalars to the garbage
    // collector, which can free one while libtorch still reads it.
    private readonly Scalar _scoreScale;

    public PetlAttention(int width, int heads, TowerPetlConfig petl)
        : base(nameof(PetlAttention))
    {
        var loraRank = petl.Lora ? petl.LoraRank : 0;
        q_proj = nn.Linear(width, width);
        k_proj = new LoraLinear(width, width, loraRank);
        v_proj = new LoraLinear(width, width, loraRank);
        out_proj = nn.Linear(width, width);
        if (petl.Prefix)
        {
            prefix = new PrefixTuning(petl.PrefixLength, width, petl.PrefixBoostInit);
        }

        _heads = heads;
        _headDim = width / heads;
        _scoreScale = (1.0 / Math.Sqrt(_headDim)).ToScalar();
        RegisterComponents();
    }

    public Linear QProj => q_proj;

    public LoraLinear KProj => k_proj;

    public LoraLinear VProj => v_proj;

    public Linear OutProj => out_proj;

    public PrefixTuning? Prefix => prefix;

    public int Heads => _heads;

    /// <param name="input">[batch, L, width], already normalised (and adapted) by the block.</param>
    /// <param name="additiveMask">[L, L + P] added to the scores before the softmax, or null.</param>
    public override Tensor forward(Tensor input, Tensor? additiveMask)
    {
        using var scope = torch.NewDisposeScope();
        var batch = input.shape[0];
        var length = input.shape[1];

        // [batch, L, width] -> [batch, heads, L, headDim]
        var q = SplitHeads(q_proj.forward(input), batch);
        var k = SplitHeads(k_proj.forward(input), batch);
        var v = SplitHeads(v_proj.forward(input), batch);

        if (prefix is not null)
        {
            k = InsertAfterFirst(k, SplitPrefix(prefix.ScaledKeys(), batch));
            v = InsertAfterFirst(v, SplitPrefix(prefix.ScaledValues(), batch));
        }

        // [batch, heads, L, L + P]
        var scores = q.matmul(k.transpose(-2, -1)).mul(_scoreScale);
        if (additiveMask is not null)
        {
            scores = scores + additiveMask;
        }

        var weights = scores.softmax(-1);
        if (prefix is not null)
        {
            weights = weights * prefix.ColumnBoost(k.shape[2]);
        }

        // [batch, heads, L, headDim] -> [batch, L, width]
        var context = weights.matmul(v).transpose(1, 2).reshape(batch, length, _heads * _headDim);
        return out_proj.forward(context).MoveToOuterDisposeScope();
    }

    private Tensor SplitHeads(Tensor x, long batch) =>
        x.view(batch, -1, _heads, _headDim).transpose(1, 2);

    // [P, width] -> [batch, heads, P, headDim]
    private Tensor SplitPrefix(Tensor tokens, long batch) =>
        tokens.view(-1, _heads, _headDim).transpose(0, 1).unsqueeze(0).expand(batch, -1, -1, -1);

    private static Tensor InsertAfterFirst(Tensor sequence, Tensor inserted) =>
        torch.cat([sequence.narrow(2, 0, 1), inserted, sequence.narrow(2, 1, sequence.shape[2] - 1)], 2);
}
