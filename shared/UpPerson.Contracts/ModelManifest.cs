using System.Text.Json.Nodes;

namespace UpPerson.Contracts;

/// <summary>
/// Contents of a model bundle's <c>model.json</c>: what the two ONNX encoders expect and return,
/// where the weights came from, and the SHA-256 of every other file in the bundle.
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = "model.json";

    public const int CurrentFormatVersion = 1;

    public required int FormatVersion { get; init; }

    /// <summary>Content-derived id; collections and sightings are keyed by it.</summary>
    public required string ModelId { get; init; }

    /// <summary>Human-readable version label chosen at export.</summary>
    public required string Version { get; init; }

    /// <summary>Backbone name, for example <c>clip-vit-b16</c>.</summary>
    public required string Architecture { get; init; }

    public required int EmbeddingSize { get; init; }

    /// <summary><c>fp32</c> or <c>fp16</c>: how the ONNX weights are stored.</summary>
    public required string Precision { get; init; }

    public required ImageEncoderSpec Image { get; init; }

    public required TextEncoderSpec Text { get; init; }

    public required ModelProvenance Provenance { get; init; }

    /// <summary>PETL configuration as exported by the training project; null for plain CLIP.</summary>
    public JsonObject? Petl { get; init; }

    /// <summary>Every bundle file except the manifest, mapped to its lower-case hex SHA-256.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }
}

/// <summary>Input and output of <c>image_encoder.onnx</c>.</summary>
/// <param name="Height">Input height in pixels.</param>
/// <param name="Width">Input width in pixels.</param>
/// <param name="Mean">Per-channel RGB mean subtracted after scaling pixels to [0, 1].</param>
/// <param name="Std">Per-channel RGB standard deviation divided after the mean.</param>
/// <param name="OnnxFile">File name inside the bundle.</param>
/// <param name="InputName">Graph input: float32 [batch, 3, Height, Width], RGB.</param>
/// <param name="OutputName">Graph output: float32 [batch, EmbeddingSize], not normalised.</param>
public sealed record ImageEncoderSpec(
    int Height,
    int Width,
    float[] Mean,
    float[] Std,
    string OnnxFile,
    string InputName,
    string OutputName);

/// <summary>Input and output of <c>text_encoder.onnx</c> and the tokenizer it expects.</summary>
/// <param name="ContextLength">Token sequence length the graph takes.</param>
/// <param name="VocabSize">Number of token embedding rows.</param>
/// <param name="TokenizerFile">CLIP BPE merges file inside the bundle (gzip).</param>
/// <param name="OnnxFile">File name inside the bundle.</param>
/// <param name="InputName">Graph input: int64 [batch, ContextLength].</param>
/// <param name="OutputName">Graph output: float32 [batch, EmbeddingSize], not normalised.</param>
/// <param name="StartOfTextId">Id placed before the text.</param>
/// <param name="EndOfTextId">Id placed after the text; pooling reads this position.</param>
/// <param name="PadId">Id that fills the sequence after end-of-text.</param>
public sealed record TextEncoderSpec(
    int ContextLength,
    int VocabSize,
    string TokenizerFile,
    string OnnxFile,
    string InputName,
    string OutputName,
    int StartOfTextId,
    int EndOfTextId,
    int PadId);

/// <summary>Where the bundle's weights came from.</summary>
/// <param name="RandomInit">True when no pretrained weights were loaded: search results are meaningless.</param>
/// <param name="Source">Free-text origin, for example the imported checkpoint's file name.</param>
/// <param name="Producer">Tool and version that wrote the bundle.</param>
/// <param name="CreatedUtc">Export time.</param>
/// <param name="BaseWeightsSha256">Hash of the frozen base weights the PETL tensors belong to.</param>
/// <param name="Seed">Random seed of the initialisation, when one was used.</param>
public sealed record ModelProvenance(
    bool RandomInit,
    string Source,
    string Producer,
    DateTimeOffset CreatedUtc,
    string? BaseWeightsSha256 = null,
    long? Seed = null);
