using TorchSharp;
using UpPerson.Model.Modules;
using UpPerson.Onnx;
using static TorchSharp.torch;

namespace UpPerson.Model.Export;

/// <summary>
/// Builds the two ONNX encoders of a model bundle from a <see cref="UpPersonClip"/>. Outputs are the
/// projected embeddings before L2 normalisation, so they can be compared with the TorchSharp towers.
/// </summary>
public static class ClipOnnxExporter
{
    public const string ImageInputName = "pixel_values";
    public const string ImageOutputName = "image_embeds";
    public const string TextInputName = "input_ids";
    public const string TextOutputName = "text_embeds";
    public const string BatchDimension = "batch";

    /// <summary>pixel_values float32 [batch, 3, H, W] → image_embeds float32 [batch, embedDim].</summary>
    public static OnnxModel BuildImageEncoder(UpPersonClip model, ExportPrecision precision, OnnxModelInfo info)
    {
        using var noGrad = torch.no_grad();
        var visual = model.Visual;
        var config = visual.Config;
        var graph = new OnnxGraphBuilder("image_encoder");
        var writer = new ClipGraphWriter(graph, precision, config.Tokens);

        var pixels = graph.AddInput(ImageInputName, OnnxElementType.Float, BatchDimension, 3, config.ImageHeight, config.ImageWidth);
        string embeddings;
        using (graph.Scope("visual"))
        {
            // [batch, width, gridH, gridW] -> [batch, gridH·gridW, width]
            var patches = graph.Conv(pixels, writer.Weight("conv1.weight", visual.PatchEmbedding.weight!), null, [config.PatchSize, config.PatchSize], [config.PatchSize, config.PatchSize]);
            var tokens = graph.Transpose(graph.Reshape(patches, 0, config.Width, -1), 0, 2, 1);

            using var classRow = visual.ClassEmbedding.detach().view(1, 1, config.Width);
            var batch = graph.Slice(graph.Shape(pixels), [0], [1]);
            var classShape = graph.Concat([batch, graph.Constant(new long[] { 1, config.Width })], axis: 0);
            var classTokens = graph.Expand(writer.Weight("class_embedding", classRow), classShape);

            var x = graph.Add(graph.Concat([classTokens, tokens], axis: 1), writer.Weight("positional_embedding", visual.PositionalEmbedding));
            x = writer.LayerNorm(x, "ln_pre", visual.LnPre);
            using (graph.Scope("transformer"))
            {
                x = writer.Transformer(x, visual.Transformer, config.Width, config.Heads, mask: null);
            }

            var pooled = writer.LayerNorm(graph.Gather(x, graph.Constant(0L), axis: 1), "ln_post", visual.LnPost);
            embeddings = graph.MatMul(pooled, writer.Weight("proj", visual.Projection));
        }

        var output = graph.Identity(embeddings, ImageOutputName);
        graph.AddOutput(output, OnnxElementType.Float, BatchDimension, model.Clip.EmbedDim);
        return graph.Build(info);
    }

    /// <summary>input_ids int64 [batch, contextLength] → text_embeds float32 [batch, embedDim].</summary>
    public static OnnxModel BuildTextEncoder(UpPersonClip model, ExportPrecision precision, OnnxModelInfo info)
    {
        using var noGrad = torch.no_grad();
        var text = model.Text;
        var config = text.Config;
        var graph = new OnnxGraphBuilder("text_encoder");
        var writer = new ClipGraphWriter(graph, precision, config.ContextLength);

        var ids = graph.AddInput(TextInputName, OnnxElementType.Int64, BatchDimension, config.ContextLength);
        string embeddings;
        using (graph.Scope("text"))
        {
            var x = graph.Add(
                graph.Gather(writer.Weight("token_embedding.weight", text.TokenEmbedding.weight!), ids, axis: 0),
                writer.Weight("positional_embedding", text.PositionalEmbedding));

            var mask = writer.Weight("attention_mask", text.AttentionMask);
            using (graph.Scope("transformer"))
            {
                x = writer.Transformer(x, text.Transformer, config.Width, config.Heads, mask);
            }

            x = writer.LayerNorm(x, "ln_final", text.LnFinal);

            // End-of-text has the largest id, so ArgMax finds the position to pool: [batch, 1].
            var endOfText = graph.ArgMax(ids, axis: 1, keepDims: true);
            var pooled = graph.GatherND(x, endOfText, batchDims: 1);
            embeddings = graph.MatMul(pooled, writer.Weight("text_projection", text.Projection));
        }

        var output = graph.Identity(embeddings, TextOutputName);
        graph.AddOutput(output, OnnxElementType.Float, BatchDimension, model.Clip.EmbedDim);
        return graph.Build(info);
    }
}
