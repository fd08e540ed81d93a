using TorchSharp;
using TorchSharp.Modules;
using UpPerson.Model.Configuration;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// CLIP's text tower: token and position embeddings, causal transformer, final LayerNorm, and the
/// projection of the end-of-text token into the joint space.
/// </summary>
public sealed class TextTransformer : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Embedding token_embedding;
    private readonly Parameter positional_embedding;
    private readonly Transformer transformer;
    private readonly LayerNorm ln_final;
    private readonly Parameter text_projection;
#pragma warning restore IDE1006


    public TextTransformer(TextTowerConfig config, int embedDim, TowerPetlConfig petl)
        : base(nameof(TextTransformer))
    {
        Config = config;
        token_embedding = nn.Embedding(config.VocabSize, config.Width);
        positional_embedding = new Parameter(torch.zeros(config.ContextLength, config.Width));
        transformer = new Transformer(config.Width, config.Layers, config.Heads, config.MlpWidth, petl);
        ln_final = nn.LayerNorm(config.Width, ResidualAttentionBlock.LayerNormEpsilon);
        text_projection = new Parameter(torch.zeros(config.Width, embedDim));
        RegisterComponents();

        // Derived from the configuration, so it is not part of the state dict.
        register_buffer("attention_mask", CausalMask.Build(config.ContextLength, petl.ActivePrefixLength), persistent: false);
    }

    public TextTowerConfig Config { get; }

    public Embedding TokenEmbedding => token_embedding;

    public Parameter PositionalEmbedding => positional_embedding;

    public Transformer Transformer => transformer;

    public LayerNorm LnFinal => ln_final;

    public Parameter Projection => text_projection;

    /// <summary>The additive mask [L, L + P] every block uses.</summary>
    public Tensor AttentionMask => get_buffer("attention_mask")!;

    /// <param name="tokenIds">[batch, contextLength] int64, SOT … EOT then padding.</param>
    /// <returns>[batch, embedDim] text embeddings, not normalised.</returns>
    public override Tensor forward(Tensor tokenIds)
    {
        using var scope = torch.NewDisposeScope();
        var batch = tokenIds.shape[0];

        var x = token_embedding.forward(tokenIds) + positional_embedding;
        x = transformer.forward(x, AttentionMask);
        x = ln_final.forward(x);

        // End-of-text has the largest id in the sequence, so argmax finds its position.
        var endOfText = tokenIds.argmax(-1);
        var pooled = x[torch.arange(batch, device: x.device), endOfText];
        return pooled.matmul(text_projection).MoveToOuterDisposeScope();
    }
}
