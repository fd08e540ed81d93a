using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// Random initialisation of the frozen CLIP backbone with the scales OpenAI's CLIP code uses, for
/// models built without pretrained weights (tests, shape checks, pipelines smoke runs).
/// </summary>
/// <remarks>
/// PETL modules are not touched: they keep the initialisation their constructors give them.
/// Scales: token embedding N(0, 0.02²), text positions N(0, 0.01²), image class token, positions and
/// projection N(0, width⁻¹), attention in-projections N(0, width⁻¹), output projections
/// N(0, width⁻¹·(2·layers)⁻¹), MLP c_fc N(0, (2·width)⁻¹), c_proj like the output projections,
/// text projection N(0, width⁻¹); LayerNorms 1 and 0; all backbone biases 0.
/// </remarks>
public static class ClipInitializer
{
    public static void InitializeBackbone(UpPersonClip model, long seed)
    {
        using var noGrad = torch.no_grad();
        var generator = new Generator((ulong)seed);

        var visual = model.Visual;
        var visionWidth = visual.Config.Width;
        Normal(visual.PatchEmbedding.weight!, Math.Sqrt(1.0 / (3 * visual.Config.PatchSize * visual.Config.PatchSize)), generator);
        Normal(visual.ClassEmbedding, Math.Pow(visionWidth, -0.5), generator);
        Normal(visual.PositionalEmbedding, Math.Pow(visionWidth, -0.5), generator);
        ResetLayerNorm(visual.LnPre);
        InitializeBlocks(visual.Transformer, visionWidth, generator);
        ResetLayerNorm(visual.LnPost);
        Normal(visual.Projection, Math.Pow(visionWidth, -0.5), generator);

        var text = model.Text;
        var textWidth = text.Config.Width;
        Normal(text.TokenEmbedding.weight!, 0.02, generator);
        Normal(text.PositionalEmbedding, 0.01, generator);
        InitializeBlocks(text.Transformer, textWidth, generator);
        ResetLayerNorm(text.LnFinal);
        Normal(text.Projection, Math.Pow(textWidth, -0.5), generator);
    }

    private static void InitializeBlocks(Transformer transformer, int width, Generator generator)
    {
        var layers = transformer.Blocks.Count;
        var attentionStd = Math.Pow(width, -0.5);
        var projectionStd = attentionStd * Math.Pow(2.0 * layers, -0.5);
        var fcStd = Math.Pow(2.0 * width, -0.5);

        foreach (var block in transformer.Blocks)
        {
            ResetLayerNorm(block.Ln1);
            ResetLayerNorm(block.Ln2);

            var attention = block.Attention;
            Normal(attention.QProj.weight!, attentionStd, generator);
            Normal(attention.KProj.Weight, attentionStd, generator);
            Normal(attention.VProj.Weight, attentionStd, generator);
            Normal(attention.OutProj.weight!, projectionStd, generator);
            attention.QProj.bias!.zero_();
            attention.KProj.Bias.zero_();
            attention.VProj.Bias.zero_();
            attention.OutProj.bias!.zero_();

            Normal(block.Mlp.Fc.weight!, fcStd, generator);
            Normal(block.Mlp.Proj.weight!, projectionStd, generator);
            block.Mlp.Fc.bias!.zero_();
            block.Mlp.Proj.bias!.zero_();
        }
    }

    private static void Normal(Tensor tensor, double std, Generator generator) =>
        tensor.normal_(0, std, generator);

    private static void ResetLayerNorm(TorchSharp.Modules.LayerNorm norm)
    {
        nn.init.ones_(norm.weight!);
        norm.bias!.zero_();
    }
}
