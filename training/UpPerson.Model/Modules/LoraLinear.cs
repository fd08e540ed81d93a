using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// A linear layer with an optional low-rank update: y = x·(W + s·B·A)ᵀ + b.
/// </summary>
/// <remarks>
/// <c>weight</c> and <c>bias</c> keep <c>nn.Linear</c>'s names so plain CLIP weights load unchanged.
/// UP-Person scales the update by a learnable scalar s (init 1) instead of LoRA's fixed α/r, and uses
/// no dropout, so merging for inference is exact.
/// </remarks>
public sealed class LoraLinear : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Parameter? lora_A;
    private readonly Parameter? lora_B;
    private readonly Parameter? lora_scale;
#pragma warning restore IDE1006

    /// <param name="inFeatures">Input width d.</param>
    /// <param name="outFeatures">Output width.</param>
    /// <param name="rank">LoRA rank r; 0 for a plain linear layer.</param>
    public LoraLinear(int inFeatures, int outFeatures, int rank)
        : base(nameof(LoraLinear))
    {
        weight = new Parameter(torch.empty(outFeatures, inFeatures));
        bias = new Parameter(torch.zeros(outFeatures));
        using (torch.no_grad())
        {
            nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        }

        if (rank > 0)
        {
            // A: Kaiming-uniform with a = √5, that is U(−1/√d, 1/√d); B: zeros, so the update starts at 0.
            lora_A = new Parameter(torch.empty(rank, inFeatures));
            lora_B = new Parameter(torch.zeros(outFeatures, rank));
            lora_scale = new Parameter(torch.ones(Array.Empty<long>()));
            using (torch.no_grad())
            {
                nn.init.kaiming_uniform_(lora_A, a: Math.Sqrt(5));
            }
        }

        Rank = rank;
        RegisterComponents();
    }

    public int Rank { get; }

    /// <summary>Draws A again from <paramref name="generator"/> and sets B to 0 and the scale to 1.</summary>
    public void ResetLora(Generator generator)
    {
        if (lora_A is null || lora_B is null || lora_scale is null)
        {
            return;
        }

        using var noGrad = torch.no_grad();
        var bound = 1.0 / Math.Sqrt(lora_A.shape[1]);
        lora_A.uniform_(-bound, bound, generator);
        nn.init.zeros_(lora_B);
        nn.init.ones_(lora_scale);
    }

    public Parameter Weight => weight;

    public Parameter Bias => bias;

    public Parameter? LoraA => lora_A;

    public Parameter? LoraB => lora_B;

    public Parameter? LoraScale => lora_scale;

    public override Tensor forward(Tensor input)
    {
        if (lora_A is null || lora_B is null || lora_scale is null)
        {
            return nn.functional.linear(input, weight, bias);
        }

        using var scope = torch.NewDisposeScope();

        // [.., in] -> [.., r] -> [.., out]; cheaper than forming the d x d update per call.
        var baseOutput = nn.functional.linear(input, weight, bias);
        var update = nn.functional.linear(nn.functional.linear(input, lora_A), lora_B);
        return (baseOutput + update * lora_scale).MoveToOuterDisposeScope();
    }

    /// <summary>W + s·B·A, the weight an inference graph uses in place of the two paths.</summary>
    public Tensor MergedWeight()
    {
        using var noGrad = torch.no_grad();
        if (lora_A is null || lora_B is null || lora_scale is null)
        {
            return weight.detach().clone();
        }

        using var scope = torch.NewDisposeScope();
        return (weight + lora_scale * lora_B.matmul(lora_A)).MoveToOuterDisposeScope();
    }
}
