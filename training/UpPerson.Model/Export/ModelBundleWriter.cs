using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.PyBridge;
using UpPerson.Contracts;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Configuration;
using UpPerson.Model.Modules;
using UpPerson.Onnx;
using UpPerson.Tokenization;
using static TorchSharp.torch;

namespace UpPerson.Model.Export;

/// <summary>
/// Writes a model bundle: both ONNX encoders, the tokenizer merges, the PETL tensors for further
/// training, and <c>model.json</c> with the SHA-256 of every file.
/// </summary>
/// <remarks>
/// The bundle is assembled in a sibling temporary folder and moved into place at the end, so a
/// failed export never leaves a half-written bundle that services would try to load.
/// </remarks>
public static class ModelBundleWriter
{
    public const string ImageEncoderFile = "image_encoder.onnx";
    public const string TextEncoderFile = "text_encoder.onnx";
    public const string TokenizerFile = ClipTokenizer.MergesFileName;
    public const string PetlWeightsFile = "petl.safetensors";

    public static ModelManifest Write(UpPersonClip model, BundleExportRequest request, IProgress<string>? progress = null)
    {
        var output = Path.GetFullPath(request.OutputDirectory);
        EnsureReplaceable(output);
        var staging = $"{output}.partial-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var info = new OnnxModelInfo
            {
                ProducerName = "upperson-train",
                ProducerVersion = ProducerVersion,
                DocString = $"UP-Person {model.Clip.Name} exported from TorchSharp ({request.Precision}).",
                Metadata = new Dictionary<string, string>
                {
                    ["preset"] = request.Preset,
                    ["random_init"] = request.RandomInit ? "true" : "false",
                },
            };

            model.eval();
            progress?.Report($"writing {ImageEncoderFile}");
            ClipOnnxExporter.BuildImageEncoder(model, request.Precision, info).Save(Path.Combine(staging, ImageEncoderFile));
            progress?.Report($"writing {TextEncoderFile}");
            ClipOnnxExporter.BuildTextEncoder(model, request.Precision, info).Save(Path.Combine(staging, TextEncoderFile));
            using (var merges = ClipTokenizer.OpenEmbeddedMerges())
            using (var copy = File.Create(Path.Combine(staging, TokenizerFile)))
            {
                merges.CopyTo(copy);
            }

            if (model.Petl.AnyEnabled)
            {
                using var scope = torch.NewDisposeScope();
                var tensors = PetlCheckpoint.AdapterTensors(model).ToDictionary(entry => entry.Key, entry => entry.Value.detach().cpu().contiguous());
                Safetensors.SaveStateDict(Path.Combine(staging, PetlWeightsFile), tensors);
            }

            progress?.Report("hashing files");
            var files = Directory.EnumerateFiles(staging)
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .ToDictionary(name => name!, name => BundleFileHash.ComputeSha256Hex(Path.Combine(staging, name!)), StringComparer.Ordinal);

            var manifest = CreateManifest(model, request, files);
            File.WriteAllText(Path.Combine(staging, ModelManifest.FileName), ModelManifestJson.Serialize(manifest));

            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            Directory.Move(staging, output);
            return manifest;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static string ProducerVersion =>
        typeof(ModelBundleWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Only a missing folder, an empty one or an earlier bundle may be replaced.</summary>
    private static void EnsureReplaceable(string output)
    {
        if (File.Exists(output))
        {
            throw new IOException($"Bundle output '{output}' is a file. Choose a folder path with --out.");
        }

        if (Directory.Exists(output)
            && Directory.EnumerateFileSystemEntries(output).Any()
            && !File.Exists(Path.Combine(output, ModelManifest.FileName)))
        {
            throw new IOException(
                $"Bundle output '{output}' already contains files but no {ModelManifest.FileName}; refusing to replace a folder that is not a bundle. Choose an empty or new folder.");
        }
    }

    private static ModelManifest CreateManifest(UpPersonClip model, BundleExportRequest request, IReadOnlyDictionary<string, string> files)
    {
        var clip = model.Clip;
        var architecture = model.Petl.AnyEnabled ? $"upperson-{clip.Name}" : $"clip-{clip.Name}";

        // The id depends only on the bytes of the bundle, so re-exporting the same weights gives the
        // same id and the same vector collection.
        var content = string.Join('\n', files.Select(entry => $"{entry.Key}={entry.Value}"));
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

        return new ModelManifest
        {
            FormatVersion = ModelManifest.CurrentFormatVersion,
            ModelId = $"{architecture}-{digest[..16]}",
            Version = request.Version,
            Architecture = architecture,
            EmbeddingSize = clip.EmbedDim,
            Precision = request.Precision == ExportPrecision.Fp16 ? "fp16" : "fp32",
            Image = new ImageEncoderSpec(
                clip.Vision.ImageHeight,
                clip.Vision.ImageWidth,
                [.. ClipImageNormalization.Mean],
                [.. ClipImageNormalization.Std],
                ImageEncoderFile,
                ClipOnnxExporter.ImageInputName,
                ClipOnnxExporter.ImageOutputName),
            Text = new TextEncoderSpec(
                clip.Text.ContextLength,
                clip.Text.VocabSize,
                TokenizerFile,
                TextEncoderFile,
                ClipOnnxExporter.TextInputName,
                ClipOnnxExporter.TextOutputName,
                StartOfTextId: 49406,
                EndOfTextId: 49407,
                PadId: 0),
            Provenance = new ModelProvenance(
                request.RandomInit,
                request.Source,
                $"upperson-train {ProducerVersion}",
                DateTimeOffset.UtcNow,
                request.BaseWeightsSha256,
                request.Seed),
            Petl = model.Petl.AnyEnabled ? DescribePetl(model, request) : null,
            Files = files,
        };
    }

    private static JsonObject DescribePetl(UpPersonClip model, BundleExportRequest request)
    {
        var options = CheckpointManifest.JsonOptions;
        return new JsonObject
        {
            ["preset"] = request.Preset,
            ["clip"] = JsonSerializer.SerializeToNode(model.Clip, options),
            ["petl"] = JsonSerializer.SerializeToNode(model.Petl, options),
            ["weightsFile"] = PetlWeightsFile,
            ["loraMerged"] = true,
        };
    }
}
