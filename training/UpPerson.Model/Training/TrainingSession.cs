using TorchSharp;
using TorchSharp.Modules;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Modules;
using UpPerson.Model.Objectives;
using UpPerson.Model.Optimization;
using UpPerson.Model.Petl;
using static TorchSharp.torch;

namespace UpPerson.Model.Training;

/// <summary>
/// The model, objective and optimiser of one run, built from its configuration; owns what it creates.
/// </summary>
internal sealed class TrainingSession : IDisposable
{
    private TrainingSession(UpPersonClip model, RetrievalObjective objective, CoupledAdam optimizer, WarmupCosineSchedule schedule, IReadOnlyList<(string Name, Parameter Parameter)> trainable)
    {
        Model = model;
        Objective = objective;
        Optimizer = optimizer;
        Schedule = schedule;
        Trainable = trainable;
    }

    public UpPersonClip Model { get; }

    public RetrievalObjective Objective { get; }

    public CoupledAdam Optimizer { get; }

    public WarmupCosineSchedule Schedule { get; }

    public IReadOnlyList<(string Name, Parameter Parameter)> Trainable { get; }

    /// <summary>Builds a session around a model whose weights are already in place.</summary>
    public static TrainingSession Create(UpPersonClip model, TrainingRunConfig config)
    {
        var objective = new RetrievalObjective(config.Losses, model.Clip.EmbedDim);
        objective.IdClassifier?.Reset(new Generator((ulong)config.Options.Seed ^ 0x49444CUL));
        var trainable = SelectTrainable(model, objective, config.Options.FullFineTune);
        var optimizer = UpPersonOptimizer.Create(trainable, new AdamSettings { LearningRate = config.LearningRate });
        var schedule = new WarmupCosineSchedule(config.LearningRate, config.Options.Epochs, config.Options.WarmupEpochs);
        return new TrainingSession(model, objective, optimizer, schedule, trainable);
    }

    /// <summary>
    /// Sets requires_grad for the whole model and returns what the optimiser updates: the PETL
    /// tensors, or with full fine-tuning every parameter, plus the ID classifier when it is on.
    /// </summary>
    public static IReadOnlyList<(string Name, Parameter Parameter)> SelectTrainable(UpPersonClip model, RetrievalObjective objective, bool fullFineTune)
    {
        var trainable = new List<(string Name, Parameter Parameter)>();
        foreach (var (name, parameter) in model.named_parameters())
        {
            parameter.requires_grad = fullFineTune || PetlParameters.IsTrainable(name);
            if (parameter.requires_grad)
            {
                trainable.Add((name, parameter));
            }
        }

        foreach (var (name, parameter) in objective.named_parameters())
        {
            parameter.requires_grad = true;
            trainable.Add(($"objective.{name}", parameter));
        }

        return trainable;
    }

    /// <summary>Builds the model of a new run: random backbone, or the base weights of a checkpoint.</summary>
    public static UpPersonClip CreateModel(TrainingRunConfig config, string? basePath)
    {
        var model = new UpPersonClip(config.Clip, config.Petl);
        try
        {
            PetlInitializer.Initialize(model, config.Options.Seed);
            if (basePath is null)
            {
                ClipInitializer.InitializeBackbone(model, config.Options.Seed);
            }
            else
            {
                PetlCheckpoint.LoadBase(model, basePath, config.BaseSha256);
            }

            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Objective.Dispose();
        Model.Dispose();
    }
}
