namespace UpPerson.Model.Configuration;

/// <summary>Named CLIP sizes. Person crops are 384 x 128 (height x width) in every preset but tiny.</summary>
public static class ClipPresets
{
    /// <summary>OpenAI CLIP ViT-B/16: 86 M image and 63 M text parameters.</summary>
    public static ClipConfig VitB16 { get; } = new(
        "vit-b16",
        new VisionTowerConfig(ImageHeight: 384, ImageWidth: 128, PatchSize: 16, Width: 768, Layers: 12, Heads: 12, PretrainedGridSize: 14),
        new TextTowerConfig(VocabSize: 49408, ContextLength: 77, Width: 512, Layers: 12, Heads: 8),
        EmbedDim: 512);

    /// <summary>
    /// OpenAI CLIP ViT-L/14 (224-pixel pretraining). On 384 x 128 crops the 14-pixel patches give a
    /// 27 x 9 grid; the patch convolution ignores the last 6 rows and 2 columns, as PyTorch's does.
    /// </summary>
    public static ClipConfig VitL14 { get; } = new(
        "vit-l14",
        new VisionTowerConfig(ImageHeight: 384, ImageWidth: 128, PatchSize: 14, Width: 1024, Layers: 24, Heads: 16, PretrainedGridSize: 16),
        new TextTowerConfig(VocabSize: 49408, ContextLength: 77, Width: 768, Layers: 12, Heads: 12),
        EmbedDim: 768);

    /// <summary>
    /// A CLIP of about 1.7 M parameters for tests, nearly all in the token embedding: the full
    /// vocabulary and context keep real tokenizer output valid, with 32 x 16 images, width 32 and two
    /// blocks per tower.
    /// </summary>
    public static ClipConfig Tiny { get; } = new(
        "tiny",
        new VisionTowerConfig(ImageHeight: 32, ImageWidth: 16, PatchSize: 8, Width: 32, Layers: 2, Heads: 4, PretrainedGridSize: 2),
        new TextTowerConfig(VocabSize: 49408, ContextLength: 77, Width: 32, Layers: 2, Heads: 4),
        EmbedDim: 16);

    /// <summary>
    /// A small CLIP for CPU experiments on synthetic data (about 3.7 M parameters, most in the token
    /// embedding): 96 x 32 crops in 8-pixel patches, width 96 and 64, three blocks per tower.
    /// </summary>
    public static ClipConfig Small { get; } = new(
        "small",
        new VisionTowerConfig(ImageHeight: 96, ImageWidth: 32, PatchSize: 8, Width: 96, Layers: 3, Heads: 4, PretrainedGridSize: 4),
        new TextTowerConfig(VocabSize: 49408, ContextLength: 77, Width: 64, Layers: 3, Heads: 4),
        EmbedDim: 64);

    public static IReadOnlyList<string> Names { get; } = ["tiny", "small", "vit-b16", "vit-l14"];

    /// <summary>Finds a preset by name; the error lists the known names.</summary>
    public static ClipConfig Get(string name) => name switch
    {
        "tiny" => Tiny,
        "small" => Small,
        "vit-b16" => VitB16,
        "vit-l14" => VitL14,
        _ => throw new ArgumentException(
            $"Unknown CLIP preset '{name}'. Known presets: {string.Join(", ", Names)}."),
    };
}
