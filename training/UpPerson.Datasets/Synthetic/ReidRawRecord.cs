using System.Text.Json.Serialization;

namespace UpPerson.Datasets.Synthetic;

/// <summary>One image of a CUHK-PEDES reid_raw.json file: its split, captions, path under imgs/, tokens and 1-based identity id.</summary>
public sealed record ReidRawRecord
{
    [JsonPropertyName("split")]
    public required string Split { get; init; }

    [JsonPropertyName("captions")]
    public required IReadOnlyList<string> Captions { get; init; }

    [JsonPropertyName("file_path")]
    public required string FilePath { get; init; }

    /// <summary>Lower-case word tokens of each caption, in caption order.</summary>
    [JsonPropertyName("processed_tokens")]
    public required IReadOnlyList<IReadOnlyList<string>> ProcessedTokens { get; init; }

    [JsonPropertyName("id")]
    public required int Id { get; init; }
}
