using System.Text.Json;
using TorchSharp;
using TorchSharp.PyBridge;
using UpPerson.Model.Modules;
using UpPerson.Model.Petl;
using static TorchSharp.torch;

namespace UpPerson.Model.Checkpoints;

/// <summary>
/// Saves and loads PETL checkpoints: a folder with <c>checkpoint.json</c> and the PETL tensors in
/// safetensors (a few MB), pointing at a separate, hash-checked file of frozen base weights.
/// </summary>
public static class PetlCheckpoint
{
    public const string AdapterFileName = "adapter.safetensors";

    public const string BaseFileName = "base.safetensors";

    /// <summary>The frozen backbone tensors by name.</summary>
    public static Dictionary<string, Tensor> BaseTensors(UpPersonClip model) =>
        model.named_parameters()
            .Where(entry => !PetlParameters.IsTrainable(entry.name))
            .ToDictionary(entry => entry.name, entry => (Tensor)entry.parameter);

    /// <summary>The PETL tensors by name.</summary>
    public static Dictionary<string, Tensor> AdapterTensors(UpPersonClip model) =>
        PetlParameters.Trainable(model).ToDictionary(entry => entry.Name, entry => (Tensor)entry.Parameter);

    public static string ComputeBaseHash(UpPersonClip model) =>
        StateDictHash.Compute(BaseTensors(model).Select(entry => (entry.Key, entry.Value)));

    /// <summary>Writes the frozen backbone to a safetensors file and returns its content hash.</summary>
    public static string SaveBase(UpPersonClip model, string path)
    {
        using var scope = torch.NewDisposeScope();
        var tensors = BaseTensors(model);
        WriteAtomically(path, temporary => Safetensors.SaveStateDict(temporary, ToCpu(tensors)));
        return StateDictHash.Compute(tensors.Select(entry => (entry.Key, entry.Value)));
    }

    /// <summary>Writes <c>checkpoint.json</c> and the PETL tensors into <paramref name="directory"/>.</summary>
    public static void Save(UpPersonClip model, string directory, CheckpointManifest manifest)
    {
        Directory.CreateDirectory(directory);
        var actualBase = ComputeBaseHash(model);
        if (!string.Equals(actualBase, manifest.BaseWeights.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Refusing to save checkpoint '{directory}': the model's base weights hash to {actualBase[..12]}…, " +
                $"but the manifest names base {manifest.BaseWeights.Sha256[..12]}… ({manifest.BaseWeights.File}).");
        }

        using var scope = torch.NewDisposeScope();
        WriteAtomically(Path.Combine(directory, manifest.AdapterFile), temporary => Safetensors.SaveStateDict(temporary, ToCpu(AdapterTensors(model))));
        var json = JsonSerializer.Serialize(manifest, CheckpointManifest.JsonOptions);
        WriteAtomically(Path.Combine(directory, CheckpointManifest.FileName), temporary => File.WriteAllText(temporary, json));
    }

    public static CheckpointManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, CheckpointManifest.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Checkpoint folder '{directory}' has no {CheckpointManifest.FileName}. Point --checkpoint at a folder written by import-clip or train.", path);
        }

        var manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(path), CheckpointManifest.JsonOptions)
            ?? throw new InvalidDataException($"'{path}' contains null instead of a checkpoint manifest.");
        if (manifest.FormatVersion > CheckpointManifest.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"'{path}' has format version {manifest.FormatVersion}, newer than this tool's {CheckpointManifest.CurrentFormatVersion}. Update upperson-train.");
        }

        return manifest;
    }

    /// <summary>Builds the model a checkpoint describes, with its base weights and PETL tensors.</summary>
    public static (UpPersonClip Model, CheckpointManifest Manifest) Load(string directory)
    {
        var manifest = ReadManifest(directory);
        var model = new UpPersonClip(manifest.Clip, manifest.Petl);
        try
        {
            LoadBase(model, ResolveBasePath(directory, manifest), manifest.BaseWeights.Sha256);
            LoadAdapter(model, directory, manifest);
            return (model, manifest);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Loads base weights and checks their content hash when one is given.</summary>
    public static void LoadBase(UpPersonClip model, string path, string? expectedSha256)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Base weights file '{path}' was not found. Re-run import-clip or fix baseWeights.file in checkpoint.json.", path);
        }

        var loaded = Safetensors.LoadStateDict(path);
        try
        {
            StrictTensorLoader.CopyInto(BaseTensors(model), loaded, $"base weights '{path}'");
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }

        if (expectedSha256 is not null)
        {
            var actual = ComputeBaseHash(model);
            if (!string.Equals(actual, expectedSha256, StringComparison.Ordinal))
            {
                throw new InvalidDataException(
                    $"Base weights '{path}' hash to {actual[..12]}…, but {expectedSha256[..12]}… was expected: the file was changed or is a different model.");
            }
        }
    }

    /// <summary>
    /// Loads the PETL tensors of a checkpoint into a model whose base weights are already in place,
    /// refusing a model whose base differs from the one the tensors were trained on.
    /// </summary>
    public static void LoadAdapter(UpPersonClip model, string directory, CheckpointManifest manifest)
    {
        var actualBase = ComputeBaseHash(model);
        if (!string.Equals(actualBase, manifest.BaseWeights.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"Adapter checkpoint '{directory}' belongs to base weights {manifest.BaseWeights.Sha256[..12]}… ({manifest.BaseWeights.Source}), " +
                $"but the model's base weights hash to {actualBase[..12]}…. Load the base it was trained on.");
        }

        var path = Path.Combine(directory, manifest.AdapterFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Adapter file '{path}' named in {CheckpointManifest.FileName} was not found.", path);
        }

        var loaded = Safetensors.LoadStateDict(path);
        try
        {
            StrictTensorLoader.CopyInto(AdapterTensors(model), loaded, $"adapter file '{path}'");
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }
    }

    public static string ResolveBasePath(string directory, CheckpointManifest manifest) =>
        Path.GetFullPath(manifest.BaseWeights.File, Path.GetFullPath(directory));

    private static Dictionary<string, Tensor> ToCpu(Dictionary<string, Tensor> tensors) =>
        tensors.ToDictionary(entry => entry.Key, entry => entry.Value.detach().cpu().contiguous());

    private static void WriteAtomically(string path, Action<string> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
