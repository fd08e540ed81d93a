using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UpPerson.Contracts;

/// <summary>Reads and writes <see cref="ModelManifest"/> as camel-case JSON.</summary>
public static class ModelManifestJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,

        // model.json is read by people too; keep '+' and non-ASCII text unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ModelManifest manifest) => JsonSerializer.Serialize(manifest, Options);

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> naming the field on malformed input.</summary>
    public static ModelManifest Deserialize(string json) =>
        JsonSerializer.Deserialize<ModelManifest>(json, Options)
        ?? throw new JsonException("model.json contains null instead of a manifest object.");
}
