using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.PyBridge;
using UpPerson.Model.Checkpoints;
using static TorchSharp.torch;

namespace UpPerson.Model.Training;

/// <summary>
/// Writes and reads the per-epoch checkpoint folders of a run. Each contains a regular PETL checkpoint
/// (so <c>export --checkpoint</c> takes it as is) plus the optimiser state, the ID classifier when
/// used, and <c>state.json</c>, written last, marking the folder complete.
/// </summary>
internal static class EpochCheckpoints
{
    private const string OptimizerFile = "optimizer.safetensors";
    private const string ObjectiveFile = "objective.safetensors";

    public static void Save(TrainingRunFolder run, TrainingRunConfig config, TrainingSession session, EpochMetrics metrics)
    {
        var final = run.EpochDirectory(metrics.Epoch);
        var staging = final + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        BaseWeightsReference baseWeights;
        if (config.Options.FullFineTune)
        {
            // The backbone changes every epoch, so each epoch carries its own base weights.
            var hash = PetlCheckpoint.SaveBase(session.Model, Path.Combine(staging, PetlCheckpoint.BaseFileName));
            baseWeights = new BaseWeightsReference(PetlCheckpoint.BaseFileName, hash, $"full fine-tuning of {config.BaseSource}, epoch {metrics.Epoch}", RandomInit: false, Seed: null);
        }
        else
        {
            var relative = Path.GetRelativePath(final, run.BasePath);
            baseWeights = new BaseWeightsReference(relative, config.BaseSha256, config.BaseSource, config.Options.RandomInit, config.Options.RandomInit ? config.Options.Seed : null);
        }

        PetlCheckpoint.Save(session.Model, staging, new CheckpointManifest
        {
            FormatVersion = CheckpointManifest.CurrentFormatVersion,
            Preset = config.Preset,
            Clip = config.Clip,
            Petl = config.Petl,
            LearningRate = config.LearningRate,
            BaseWeights = baseWeights,
            AdapterFile = PetlCheckpoint.AdapterFileName,
            CreatedUtc = DateTimeOffset.UtcNow,
            Producer = "upperson-train train",
            Training = JsonSerializer.SerializeToNode(metrics, TrainingRunFolder.JsonLines)!.AsObject(),
        });

        var objectiveTensors = session.Objective.state_dict();
        if (objectiveTensors.Count > 0)
        {
            using var scope = torch.NewDisposeScope();
            Safetensors.SaveStateDict(Path.Combine(staging, ObjectiveFile), objectiveTensors.ToDictionary(entry => entry.Key, entry => entry.Value.detach().cpu().contiguous()));
        }

        session.Optimizer.SaveState(Path.Combine(staging, OptimizerFile));
        File.WriteAllText(Path.Combine(staging, TrainingRunFolder.EpochStateFile), new JsonObject { ["epoch"] = metrics.Epoch, ["completedUtc"] = DateTimeOffset.UtcNow }.ToJsonString());

        if (Directory.Exists(final))
        {
            Directory.Delete(final, recursive: true);
        }

        Directory.Move(staging, final);
    }

    /// <summary>Restores the model weights, the ID classifier and the optimiser state of an epoch.</summary>
    public static void Restore(TrainingRunFolder run, int epoch, TrainingSession session)
    {
        var directory = run.EpochDirectory(epoch);
        var manifest = PetlCheckpoint.ReadManifest(directory);
        PetlCheckpoint.LoadBase(session.Model, PetlCheckpoint.ResolveBasePath(directory, manifest), manifest.BaseWeights.Sha256);
        PetlCheckpoint.LoadAdapter(session.Model, directory, manifest);

        var objectiveTensors = session.Objective.state_dict();
        if (objectiveTensors.Count > 0)
        {
            var loaded = Safetensors.LoadStateDict(Path.Combine(directory, ObjectiveFile));
            StrictTensorLoader.CopyInto(objectiveTensors, loaded, $"ID classifier of epoch {epoch}");
        }

        session.Optimizer.LoadState(Path.Combine(directory, OptimizerFile));
    }

    /// <summary>
    /// With full fine-tuning every epoch folder contains a whole backbone; keep only the epochs the
    /// summary points at and the last one.
    /// </summary>
    public static void PruneFullFineTuning(TrainingRunFolder run, TrainingSummary summary)
    {
        var keep = new HashSet<int> { summary.Selected.Epoch, summary.Last.Epoch };
        if (summary.BestTest is not null)
        {
            keep.Add(summary.BestTest.Epoch);
        }

        for (var epoch = 1; epoch < summary.Last.Epoch; epoch++)
        {
            var directory = run.EpochDirectory(epoch);
            if (!keep.Contains(epoch) && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
