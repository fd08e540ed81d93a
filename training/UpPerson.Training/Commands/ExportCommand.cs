using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using UpPerson.Contracts;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Configuration;
using UpPerson.Model.Export;
using UpPerson.Model.Modules;
using UpPerson.Model.Petl;
using UpPerson.Model.Training;

using UpPerson.Cli;

namespace UpPerson.Training.Commands;

/// <summary><c>export</c>: writes a model bundle (ONNX encoders, tokenizer, PETL tensors, manifest).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var preset = new Option<string?>("--preset")
        {
            Description = $"Build a fresh model from a preset (needs --random-init): {string.Join(", ", UpPersonPresets.Names)}.",
        };
        var clip = new Option<string?>("--clip") { Description = $"With --preset, replace the backbone: {string.Join(", ", ClipPresets.Names)}." };
        var randomInit = new Option<bool>("--random-init") { Description = "Confirm that a --preset model gets random backbone weights (search results will be meaningless)." };
        var seed = new Option<long>("--seed") { Description = "Seed of the random initialisation.", DefaultValueFactory = _ => 1 };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Export a checkpoint folder written by import-clip or train, or a run folder (its selected epoch)." };
        var output = new Option<string>("--out") { Description = "Bundle folder to write; an earlier bundle there is replaced.", Required = true };
        var fp16 = new Option<bool>("--fp16") { Description = "Store weight matrices in float16 (half the size; arithmetic stays float32)." };
        var version = new Option<string?>("--version") { Description = "Version label recorded in model.json (default: export time, UTC)." };

        var command = new Command("export", "Write a model bundle (ONNX encoders, tokenizer, manifest) for the services.")
        {
            preset, clip, randomInit, seed, checkpoint, output, fp16, version,
        };
        command.SetAction(parseResult => CommandErrors.RunAsync(() => Run(
            parseResult.GetValue(preset),
            parseResult.GetValue(clip),
            parseResult.GetValue(randomInit),
            parseResult.GetValue(seed),
            parseResult.GetValue(checkpoint),
            parseResult.GetValue(output)!,
            parseResult.GetValue(fp16) ? ExportPrecision.Fp16 : ExportPrecision.Fp32,
            parseResult.GetValue(version))));
        return command;
    }

    private static int Run(
        string? presetName, string? clipName, bool randomInit, long seed, string? checkpoint, string output, ExportPrecision precision, string? version)
    {
        if ((presetName is null) == (checkpoint is null))
        {
            throw new ArgumentException("Give exactly one of --preset (with --random-init) or --checkpoint.");
        }

        version ??= DateTimeOffset.UtcNow.ToString("yyyy.MM.dd-HHmmss", CultureInfo.InvariantCulture);
        var stopwatch = Stopwatch.StartNew();
        UpPersonClip model;
        BundleExportRequest request;
        if (presetName is not null)
        {
            if (!randomInit)
            {
                throw new ArgumentException(
                    $"--preset {presetName} builds a model without pretrained weights; add --random-init to confirm, " +
                    "or import CLIP weights with 'upperson-train import-clip' and export with --checkpoint.");
            }

            var preset = UpPersonPresets.Get(presetName);
            if (clipName is not null)
            {
                preset = preset.WithClip(ClipPresets.Get(clipName));
            }

            preset.Validate();
            Console.Error.WriteLine($"Building {preset.Name} ({preset.Clip.Name}) with random weights, seed {seed}…");
            model = new UpPersonClip(preset.Clip, preset.Petl);
            ClipInitializer.InitializeBackbone(model, seed);
            PetlInitializer.Initialize(model, seed);
            request = new BundleExportRequest(output, precision, version, RandomInit: true, $"random initialisation (seed {seed})", PetlCheckpoint.ComputeBaseHash(model), seed, preset.Name);
        }
        else
        {
            if (clipName is not null || randomInit)
            {
                throw new ArgumentException("--clip and --random-init apply to --preset only; a checkpoint carries its own configuration.");
            }

            var resolved = TrainingRunFolder.ResolveCheckpoint(checkpoint!);
            Console.Error.WriteLine($"Loading checkpoint {resolved}…");
            var (loaded, manifest) = PetlCheckpoint.Load(resolved);
            model = loaded;
            var baseWeights = manifest.BaseWeights;
            request = new BundleExportRequest(output, precision, version, baseWeights.RandomInit, baseWeights.Source, baseWeights.Sha256, baseWeights.Seed, manifest.Preset);
        }

        using (model)
        {
            var bundle = ModelBundleWriter.Write(model, request, new Progress<string>(step => Console.Error.WriteLine($"  {step}")));
            PrintSummary(bundle, output, stopwatch.Elapsed);
        }

        return 0;
    }

    private static void PrintSummary(ModelManifest bundle, string output, TimeSpan elapsed)
    {
        Console.WriteLine($"Wrote bundle {bundle.ModelId} ({bundle.Architecture}, {bundle.Precision}) to {Path.GetFullPath(output)} in {elapsed.TotalSeconds:F1} s:");
        foreach (var name in bundle.Files.Keys)
        {
            var bytes = new FileInfo(Path.Combine(output, name)).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-32} {bytes / 1048576.0,9:F1} MiB"));
        }

        if (bundle.Provenance.RandomInit)
        {
            Console.Error.WriteLine(
                "warning: this bundle has random weights; search results with it will be meaningless. " +
                "Import pretrained CLIP weights with 'upperson-train import-clip' and export that checkpoint instead.");
        }
    }
}
