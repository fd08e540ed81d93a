using System.Security.Cryptography;
using System.Text.Json.Nodes;
using UpPerson.Contracts;

namespace UpPerson.Inference.Tests;

/// <summary>
/// Writes a bundle folder with small stand-in files (not real ONNX models) and a manifest that
/// lists their true SHA-256, for loader tests.
/// </summary>
internal static class FakeBundle
{
    public const string ImageEncoderFile = "image_encoder.onnx";
    public const string TextEncoderFile = "text_encoder.onnx";
    public const string TokenizerFile = "bpe_simple_vocab_16e6.txt.gz";
    public const string PetlFile = "petl.safetensors";

    /// <summary>Writes the files and returns the manifest that describes them, not yet written.</summary>
    /// <param name="imageEncoder">Content of the image encoder file; a short text when null.</param>
    public static ModelManifest WriteFiles(string folder, bool randomInit = false, byte[]? imageEncoder = null)
    {
        var files = new Dictionary<string, string>();
        foreach (var name in new[] { ImageEncoderFile, TextEncoderFile, TokenizerFile, PetlFile })
        {
            var content = name == ImageEncoderFile && imageEncoder is not null
                ? imageEncoder
                : System.Text.Encoding.UTF8.GetBytes($"stand-in content of {name}");
            File.WriteAllBytes(Path.Combine(folder, name), content);
            files[name] = Convert.ToHexStringLower(SHA256.HashData(content));
        }

        return new ModelManifest
        {
            FormatVersion = ModelManifest.CurrentFormatVersion,
            ModelId = "up-person-test-0001",
            Version = "0.1.0-test",
            Architecture = "clip-vit-b16",
            EmbeddingSize = 512,
            Precision = "fp32",
            Image = new ImageEncoderSpec(384, 128, [0.48145466f, 0.4578275f, 0.40821073f], [0.26862954f, 0.26130258f, 0.27577711f], ImageEncoderFile, "pixel_values", "image_embeds"),
            Text = new TextEncoderSpec(77, 49408, TokenizerFile, TextEncoderFile, "input_ids", "text_embeds", 49406, 49407, 0),
            // NOTE: both optional provenance fields are set because ModelManifestJson omits nulls on
            // write but requires every constructor parameter on read, so a null one fails to load.
            Provenance = new ModelProvenance(randomInit, "unit test", "UpPerson.Inference.Tests", DateTimeOffset.UnixEpoch, new string('a', 64), 7),
            Files = files,
        };
    }

    /// <summary>Writes the stand-in files and a valid manifest, optionally edited as JSON first.</summary>
    public static void Write(string folder, bool randomInit = false, Action<JsonObject>? editManifest = null)
    {
        var manifest = WriteFiles(folder, randomInit);
        WriteManifest(folder, manifest, editManifest);
    }

    public static void WriteManifest(string folder, ModelManifest manifest, Action<JsonObject>? editManifest = null)
    {
        var json = ModelManifestJson.Serialize(manifest);
        if (editManifest is not null)
        {
            var root = JsonNode.Parse(json)!.AsObject();
            editManifest(root);
            json = root.ToJsonString(ModelManifestJson.Options);
        }

        File.WriteAllText(Path.Combine(folder, ModelManifest.FileName), json);
    }
}
