using TorchSharp;
using TorchSharp.Modules;
using UpPerson.Model.Configuration;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// CLIP's ViT image tower: patch embedding, class token, learned positions, pre-LN transformer,
/// LayerNorm and projection of the class token into the joint space.
/// </summary>
public sealed class VisionTransformer : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Conv2d conv1;
    private readonly Parameter class_embedding;
    private readonly Parameter positional_embedding;
    private readonly LayerNorm ln_pre;
    private readonly Transformer transformer;
    private readonly LayerNorm ln_post;
    private readonly Parameter proj;
#pragma warning restore IDE1006

    public VisionTransformer(VisionTowerConfig config, int embedDim, TowerPetlConfig petl)
        : base(nameof(VisionTransformer))
    {
        Config = config;
        conv1 = nn.Conv2d(3, config.Width, kernel_size: config.PatchSize, stride: config.PatchSize, bias: false);
        class_embedding = new Parameter(torch.zeros(config.Width));
        positional_embedding = new Parameter(torch.zeros(config.Tokens, config.Width));
        ln_pre = nn.LayerNorm(config.Width, ResidualAttentionBlock.LayerNormEpsilon);
        transformer = new Transformer(config.Width, config.Layers, config.Heads, config.MlpWidth, petl);
        ln_post = nn.LayerNorm(config.Width, ResidualAttentionBlock.LayerNormEpsilon);
        proj = new Parameter(torch.zeros(config.Width, embedDim));
        RegisterComponents();
    }

    public VisionTowerConfig Config { get; }

    public Conv2d PatchEmbedding => conv1;

    public Parameter ClassEmbedding => class_embedding;

    public Parameter PositionalEmbedding => positional_embedding;

    public LayerNorm LnPre => ln_pre;

    public Transformer Transformer => transformer;

    public LayerNorm LnPost => ln_post;

    public Parameter Projection => proj;

    /// <param name="pixels">[batch, 3, height, width], RGB, CLIP-normalised.</param>
    /// <returns>[batch, embedDim] image embeddings, not normalised.</returns>
    public override Tensor forward(Tensor pixels)
    {
        using var scope = torch.NewDisposeScope();
        var batch = pixels.shape[0];

        // [batch, width, gridH, gridW] -> [batch, gridH * gridW, width], row-major over the grid.
        var patches = conv1.forward(pixels).flatten(2).transpose(1, 2);
        var classToken = class_embedding.view(1, 1, -1).expand(batch, 1, -1);
        var x = torch.cat([classToken, patches], 1) + positional_embedding;

        x = ln_pre.forward(x);
        x = transformer.forward(x, null);

        // The class token, position 0, is the image's summary.
        var pooled = ln_post.forward(x.select(1, 0));
        return pooled.matmul(proj).MoveToOuterDisposeScope();
    }
}
