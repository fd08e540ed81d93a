using System.Text.Json.Serialization;

namespace UpPerson.Model.Configuration;

/// <summary>Sizes of a CLIP ViT image tower.</summary>
/// <param name="ImageHeight">Input height in pixels; rows past the last whole patch are ignored.</param>
/// <param name="ImageWidth">Input width in pixels; columns past the last whole patch are ignored.</param>
/// <param name="PatchSize">Side of the square patches, also the patch-embedding stride.</param>
/// <param name="Width">Residual stream width.</param>
/// <param name="Layers">Number of transformer blocks.</param>
/// <param name="Heads">Attention heads per block; divides <paramref name="Width"/>.</param>
/// <param name="PretrainedGridSize">Side of the square position grid the pretrained weights were
/// trained with (14 for ViT-B/16 at 224 pixels); import resizes it to this tower's grid.</param>
public sealed record VisionTowerConfig(
    int ImageHeight,
    int ImageWidth,
    int PatchSize,
    int Width,
    int Layers,
    int Heads,
    int PretrainedGridSize)
{
    [JsonIgnore]
    public int GridHeight => ImageHeight / PatchSize;

    [JsonIgnore]
    public int GridWidth => ImageWidth / PatchSize;

    /// <summary>Patch tokens plus the class token.</summary>
    [JsonIgnore]
    public int Tokens => GridHeight * GridWidth + 1;

    [JsonIgnore]
    public int HeadDim => Width / Heads;

    [JsonIgnore]
    public int MlpWidth => Width * 4;
}

/// <summary>Sizes of a CLIP text transformer.</summary>
/// <param name="VocabSize">Token embedding rows (49408 for CLIP's BPE).</param>
/// <param name="ContextLength">Tokens per caption, special tokens and padding included.</param>
/// <param name="Width">Residual stream width.</param>
/// <param name="Layers">Number of transformer blocks.</param>
/// <param name="Heads">Attention heads per block; divides <paramref name="Width"/>.</param>
public sealed record TextTowerConfig(
    int VocabSize,
    int ContextLength,
    int Width,
    int Layers,
    int Heads)
{
    [JsonIgnore]
    public int HeadDim => Width / Heads;

    [JsonIgnore]
    public int MlpWidth => Width * 4;
}

/// <summary>A CLIP dual encoder: both towers and the size of the joint embedding space.</summary>
/// <param name="Name">Preset name, recorded in bundles and checkpoints.</param>
/// <param name="EmbedDim">Joint embedding size both projections map to.</param>
public sealed record ClipConfig(string Name, VisionTowerConfig Vision, TextTowerConfig Text, int EmbedDim)
{
    /// <summary>
    /// Checks every size at once and throws one <see cref="ArgumentException"/> listing all problems.
    /// </summary>
    public ClipConfig Validate()
    {
        var problems = new List<string>();

        void RequirePositive(string key, int value)
        {
            if (value <= 0)
            {
                problems.Add($"{key} must be positive, got {value}");
            }
        }

        RequirePositive("vision.imageHeight", Vision.ImageHeight);
        RequirePositive("vision.imageWidth", Vision.ImageWidth);
        RequirePositive("vision.patchSize", Vision.PatchSize);
        RequirePositive("vision.width", Vision.Width);
        RequirePositive("vision.layers", Vision.Layers);
        RequirePositive("vision.heads", Vision.Heads);
        RequirePositive("vision.pretrainedGridSize", Vision.PretrainedGridSize);
        RequirePositive("text.vocabSize", Text.VocabSize);
        RequirePositive("text.contextLength", Text.ContextLength);
        RequirePositive("text.width", Text.Width);
        RequirePositive("text.layers", Text.Layers);
        RequirePositive("text.heads", Text.Heads);
        RequirePositive("embedDim", EmbedDim);

        if (Vision.PatchSize > 0 && (Vision.ImageHeight < Vision.PatchSize || Vision.ImageWidth < Vision.PatchSize))
        {
            problems.Add($"vision image size {Vision.ImageHeight}x{Vision.ImageWidth} is smaller than one {Vision.PatchSize}-pixel patch");
        }

        if (Vision.Heads > 0 && Vision.Width % Vision.Heads != 0)
        {
            problems.Add($"vision.width {Vision.Width} is not divisible by vision.heads {Vision.Heads}");
        }

        if (Text.Heads > 0 && Text.Width % Text.Heads != 0)
        {
            problems.Add($"text.width {Text.Width} is not divisible by text.heads {Text.Heads}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid CLIP configuration '{Name}': {string.Join("; ", problems)}.");
        }

        return this;
    }
}
