using System.CommandLine;
using System.Diagnostics;
using TorchSharp;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Configuration;
using UpPerson.Model.Import;
using UpPerson.Model.Modules;
using UpPerson.Model.Petl;

using UpPerson.Cli;

namespace UpPerson.Training.Commands;

/// <summary>
/// <c>import-clip</c>: loads pretrained CLIP weights into a preset's model and writes a checkpoint
/// folder (base weights, freshly initialised PETL tensors, configuration).
/// </summary>
internal static class ImportClipCommand
{
    public static Command Create()
    {
        var weights = new Option<string>("--weights")
        {
            Description = "CLIP checkpoint: .safetensors (OpenAI/open_clip or Hugging Face layout) or a PyTorch state dict (.pt/.pth/.bin).",
            Required = true,
        };
        var preset = new Option<string>("--preset") { Description = $"Model preset: {string.Join(", ", UpPersonPresets.Names)}.", Required = true };
        var clip = new Option<string?>("--clip") { Description = $"Replace the preset's backbone: {string.Join(", ", ClipPresets.Names)}." };
        var seed = new Option<long>("--seed") { Description = "Seed of the PETL initialisation.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Checkpoint folder to write.", Required = true };

        var command = new Command("import-clip", "Import pretrained CLIP weights into a checkpoint folder.") { weights, preset, clip, seed, output };
        command.SetAction(parseResult => CommandErrors.RunAsync(() => Run(
            parseResult.GetValue(weights)!,
            parseResult.GetValue(preset)!,
            parseResult.GetValue(clip),
            parseResult.GetValue(seed),
            parseResult.GetValue(output)!)));
        return command;
    }

    private static int Run(string weightsPath, string presetName, string? clipName, long seed, string output)
    {
        var stopwatch = Stopwatch.StartNew();
        var preset = UpPersonPresets.Get(presetName);
        if (clipName is not null)
        {
            preset = preset.WithClip(ClipPresets.Get(clipName));
        }

        preset.Validate();
        var checkpoint = ClipCheckpointReader.Read(weightsPath);
        using var model = new UpPersonClip(preset.Clip, preset.Petl);
        PetlInitializer.Initialize(model, seed);
        var layout = ClipWeightImporter.LoadInto(model, checkpoint, weightsPath);
        foreach (var tensor in checkpoint.Values)
        {
            tensor.Dispose();
        }

        Directory.CreateDirectory(output);
        var baseHash = PetlCheckpoint.SaveBase(model, Path.Combine(output, PetlCheckpoint.BaseFileName));
        PetlCheckpoint.Save(model, output, new CheckpointManifest
        {
            FormatVersion = CheckpointManifest.CurrentFormatVersion,
            Preset = preset.Name,
            Clip = preset.Clip,
            Petl = preset.Petl,
            LearningRate = preset.LearningRate,
            BaseWeights = new BaseWeightsReference(PetlCheckpoint.BaseFileName, baseHash, $"{Path.GetFileName(weightsPath)} ({layout} layout)", RandomInit: false, Seed: null),
            AdapterFile = PetlCheckpoint.AdapterFileName,
            CreatedUtc = DateTimeOffset.UtcNow,
            Producer = "upperson-train import-clip",
        });

        Console.WriteLine($"Imported {weightsPath} ({layout} layout) into {preset.Name} ({preset.Clip.Name}); checkpoint written to {Path.GetFullPath(output)} in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Console.WriteLine($"Base weights hash {baseHash[..16]}…; PETL tensors initialised with seed {seed}.");
        return 0;
    }
}
