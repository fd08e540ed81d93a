using System.Text.Json.Nodes;

namespace UpPerson.Datasets.Tests;

/// <summary>Writes annotation files in the dataset formats, including deliberately broken records.</summary>
internal static class AnnotationFiles
{
    /// <summary>A CUHK-PEDES or ICFG-PEDES record; pass null to leave a field out.</summary>
    public static JsonObject PedesRecord(long? id, string? filePath, string[]? captions, string? split, string pathKey = "file_path")
    {
        var record = new JsonObject();
        if (split is not null)
        {
            record["split"] = split;
        }

        if (captions is not null)
        {
            record["captions"] = new JsonArray([.. captions.Select(caption => (JsonNode?)JsonValue.Create(caption))]);
        }

        if (filePath is not null)
        {
            record[pathKey] = filePath;
        }

        record["processed_tokens"] = new JsonArray(new JsonArray(1, 2, 3));
        if (id is not null)
        {
            record["id"] = id.Value;
        }

        return record;
    }

    /// <summary>An RSTPReid record, whose image path key is img_path.</summary>
    public static JsonObject RstpRecord(long id, string imagePath, string[] captions, string split) =>
        PedesRecord(id, imagePath, captions, split, pathKey: "img_path");

    /// <summary>Writes the records as a JSON list and returns the file path.</summary>
    public static string WriteList(string path, IEnumerable<JsonNode> records)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, new JsonArray([.. records]).ToJsonString());
        return path;
    }

    /// <summary>An own-footage line object.</summary>
    public static string OwnFootageLine(string image, JsonNode personId, string[] captions, string split) =>
        new JsonObject
        {
            ["image"] = image,
            ["person_id"] = personId,
            ["captions"] = new JsonArray([.. captions.Select(caption => (JsonNode?)JsonValue.Create(caption))]),
            ["split"] = split,
        }.ToJsonString();

    /// <summary>Writes an image for every record's path under <paramref name="imageRoot"/>.</summary>
    public static void WriteImages(string imageRoot, IEnumerable<string> relativePaths)
    {
        foreach (var relativePath in relativePaths.Distinct())
        {
            TestImages.WriteSolid(Path.Combine(imageRoot, relativePath));
        }
    }
}
