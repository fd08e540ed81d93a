using System.Text.Json;
using System.Text.Json.Serialization;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Reads and writes the two JSON files of a SynthPeds set.</summary>
public static class SynthPedsJson
{
    public const string ReidRawFileName = "reid_raw.json";
    public const string ManifestFileName = "synthpeds.json";

    // reid_raw.json is read by programs and written compact. synthpeds.json is indented for people to read.
    private static readonly JsonSerializerOptions ReidRawOptions = new() { WriteIndented = false };

    private static readonly JsonSerializerOptions ManifestOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static IReadOnlyList<ReidRawRecord> ReadReidRaw(string path) =>
        Read<List<ReidRawRecord>>(path, ReidRawOptions);

    public static SynthPedsManifest ReadManifest(string path) => Read<SynthPedsManifest>(path, ManifestOptions);

    internal static void WriteReidRaw(string path, IReadOnlyList<ReidRawRecord> records) => WriteAtomically(path, records, ReidRawOptions);

    internal static void WriteManifest(string path, SynthPedsManifest manifest) => WriteAtomically(path, manifest, ManifestOptions);

    private static T Read<T>(string path, JsonSerializerOptions options)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, options)
            ?? throw new InvalidDataException($"File '{path}' contains JSON null instead of a SynthPeds document. Generate the set again.");
    }

    // Writing to a temporary file first means a cancelled or failed run never leaves a truncated JSON file.
    private static void WriteAtomically<T>(string path, T value, JsonSerializerOptions options)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, value, options);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
