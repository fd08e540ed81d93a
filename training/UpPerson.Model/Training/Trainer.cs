using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TorchSharp;
using UpPerson.Datasets;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Configuration;
using UpPerson.Model.Modules;
using UpPerson.Model.Retrieval;
using UpPerson.Tokenization;
using static TorchSharp.torch;

namespace UpPerson.Model.Training;

/// <summary>
/// Trains UP-Person (or plain CLIP with full fine-tuning) on a person-retrieval dataset with the
/// recipe of the spec: one sample per caption, SDM loss, Adam with warm-up and cosine decay,
/// evaluation and a checkpoint after every epoch.
/// </summary>
/// <remarks>
/// Every random draw of epoch e comes from seeds derived from (run seed, e), and the model, ID
/// classifier and optimiser state are restored exactly, so a resumed run repeats an uninterrupted
/// one on the same machine.
/// </remarks>
public sealed class Trainer(ILogger logger)
{
    /// <summary>Starts a new run in <see cref="TrainingOptions.RunDirectory"/>, which must not hold one already.</summary>
    public TrainingSummary Start(TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var run = new TrainingRunFolder(options.RunDirectory);
        if (run.IsRun)
        {
            throw new InvalidOperationException($"'{run.Root}' already contains a training run. Continue it with --resume {run.Root}, or choose another --out folder.");
        }

        var dataset = LoadDataset(options, cancellationToken);
        var (config, basePath) = Resolve(options, dataset);
        Directory.CreateDirectory(run.Root);

        var model = TrainingSession.CreateModel(config, basePath);
        using var session = TrainingSession.Create(model, config);
        var baseHash = PetlCheckpoint.SaveBase(model, run.BasePath);
        config = config with
        {
            BaseSha256 = baseHash,
            TrainableParameters = session.Trainable.Sum(entry => entry.Parameter.numel()),
            TotalParameters = model.parameters().Sum(parameter => parameter.numel()) + session.Objective.parameters().Sum(parameter => parameter.numel()),
        };
        config.Write(run.Root);
        return Train(run, config, dataset, session, firstEpoch: 1, history: [], progress, cancellationToken);
    }

    /// <summary>Continues a run after its last completed epoch.</summary>
    public TrainingSummary Resume(string runDirectory, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new TrainingRunFolder(runDirectory);
        var config = TrainingRunConfig.Read(run.Root);
        var dataset = LoadDataset(config.Options, cancellationToken);
        var completed = run.LatestCompleteEpoch() ?? 0;
        var history = run.ReadMetrics(completed);
        if (history.Count != completed)
        {
            throw new InvalidDataException(
                $"Run '{run.Root}' has {completed} completed epochs but {history.Count} lines in metrics.jsonl; the run folder was edited or damaged. Start a new run.");
        }

        run.WriteMetrics(history);
        if (completed >= config.Options.Epochs)
        {
            throw new InvalidOperationException($"Run '{run.Root}' already finished all {config.Options.Epochs} epochs; nothing to resume.");
        }

        // Built exactly as at the start (same seed, same base), so a run stopped before its first
        // checkpoint resumes from the same initial PETL tensors and ID classifier.
        var model = TrainingSession.CreateModel(config, run.BasePath);
        using var session = TrainingSession.Create(model, config);
        if (completed > 0)
        {
            EpochCheckpoints.Restore(run, completed, session);
        }

        logger.Resumed(run.Root, completed);
        return Train(run, config, dataset, session, completed + 1, history, progress, cancellationToken);
    }

    private TrainingSummary Train(
        TrainingRunFolder run,
        TrainingRunConfig config,
        PersonDataset dataset,
        TrainingSession session,
        int firstEpoch,
        List<EpochMetrics> history,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var options = config.Options;
        var tokenizer = ClipTokenizer.CreateDefault();
        var trainRecords = dataset.Records(DatasetSplit.Train);
        var samples = TrainingSamples.OnePerCaption(trainRecords);
        var builder = CreateBatchBuilder(config, trainRecords, tokenizer);
        var evaluator = new TorchRetrievalEmbedder(session.Model, tokenizer, options.EvaluationBatchSize, options.DataThreads);
        logger.RunStarted(run.Root, config.Preset, config.Clip.Name, config.TrainableParameters, config.TotalParameters,
            options.FullFineTune ? "full fine-tuning" : "PETL", samples.Length, options.Epochs, options.BatchSize, config.LearningRate);

        for (var epoch = firstEpoch; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var learningRate = session.Schedule.Apply(session.Optimizer, epoch);
            var stopwatch = Stopwatch.StartNew();
            var losses = RunEpoch(session, builder, samples, options, epoch, learningRate, progress, cancellationToken);
            stopwatch.Stop();

            var metrics = Evaluate(session, dataset, evaluator, options, cancellationToken) with
            {
                Epoch = epoch,
                LearningRate = learningRate,
                TrainLoss = losses.Total,
                SdmLoss = losses.Sdm,
                ItcLoss = losses.Itc,
                IdLoss = losses.Id,
                Steps = losses.Steps,
                EpochSeconds = stopwatch.Elapsed.TotalSeconds,
                SamplesPerSecond = losses.Samples / stopwatch.Elapsed.TotalSeconds,
                PeakMemoryMegabytes = ProcessMemory.PeakResidentMegabytes(),
            };

            EpochCheckpoints.Save(run, config, session, metrics);
            run.AppendMetrics(metrics);
            history.Add(metrics);
            var summary = TrainingSummary.From(history);
            summary.Write(run.SummaryPath);
            TrainingCurves.Write(run.CurvesDirectory, history);
            if (options.FullFineTune)
            {
                EpochCheckpoints.PruneFullFineTuning(run, summary);
            }

            logger.EpochFinished(epoch, options.Epochs, metrics.TrainLoss, learningRate, metrics.EpochSeconds, metrics.SamplesPerSecond, metrics.PeakMemoryMegabytes,
                metrics.Val?.ToString() ?? "none", metrics.Test?.ToString() ?? "none");
        }

        var final = TrainingSummary.From(history);
        logger.RunFinished(run.Root, final.Selected.Epoch, final.SelectedBy);
        return final;
    }

    private sealed record EpochLosses(double Total, double? Sdm, double? Itc, double? Id, int Steps, int Samples);

    private EpochLosses RunEpoch(
        TrainingSession session,
        TrainingBatchBuilder builder,
        TrainingSample[] samples,
        TrainingOptions options,
        int epoch,
        double learningRate,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var order = TrainingSamples.Shuffled(samples, DeterministicSeeds.For(options.Seed, epoch, DeterministicSeeds.ShuffleStream));

        // A last batch of one sample has nothing to contrast with, so it is dropped.
        var batches = TrainingSamples.Batches(order, options.BatchSize).Where(batch => batch.Count >= 2).ToList();
        session.Model.train();
        session.Objective.train();

        double total = 0, sdm = 0, itc = 0, id = 0;
        var seen = 0;
        var stopwatch = Stopwatch.StartNew();

        // The next batch is decoded and augmented while the current one trains.
        Task<TrainingBatch> Load(int index) => Task.Run(
            () => builder.Build(batches[index], new Random(DeterministicSeeds.For(options.Seed, epoch, DeterministicSeeds.BatchStream, index)), cancellationToken),
            cancellationToken);

        var next = Load(0);
        for (var step = 0; step < batches.Count; step++)
        {
            var batch = next.GetAwaiter().GetResult();
            if (step + 1 < batches.Count)
            {
                next = Load(step + 1);
            }

            var breakdown = Step(session, batch);
            if (!double.IsFinite(breakdown.TotalValue))
            {
                logger.LossNotFinite(breakdown.TotalValue, epoch, step + 1);
                throw new InvalidOperationException(
                    $"Training diverged: the loss is {breakdown.TotalValue} at epoch {epoch}, step {step + 1}. Lower --lr (now {learningRate:G3}) or check the data; the last good checkpoint is kept.");
            }

            total += breakdown.TotalValue;
            sdm += breakdown.Sdm ?? 0;
            itc += breakdown.Itc ?? 0;
            id += breakdown.Id ?? 0;
            seen += batch.Count;
            var rate = seen / stopwatch.Elapsed.TotalSeconds;
            var remaining = TimeSpan.FromSeconds((order.Length - seen) / Math.Max(rate, 1e-9));
            progress?.Report(new TrainingProgress(epoch, options.Epochs, step + 1, batches.Count, total / (step + 1), rate, learningRate, remaining));
        }

        var steps = Math.Max(batches.Count, 1);
        var losses = session.Objective.Config;
        return new EpochLosses(
            total / steps,
            losses.SdmWeight > 0 ? sdm / steps : null,
            losses.ItcWeight > 0 ? itc / steps : null,
            losses.IdWeight > 0 ? id / steps : null,
            batches.Count,
            seen);
    }

    private static Objectives.LossBreakdown Step(TrainingSession session, TrainingBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        var clip = session.Model.Clip;
        var images = torch.tensor(batch.Images, [batch.Count, 3, clip.Vision.ImageHeight, clip.Vision.ImageWidth]);
        var tokens = torch.tensor(batch.TokenIds, [batch.Count, batch.ContextLength]);
        var personIds = torch.tensor(batch.PersonIds);

        session.Optimizer.ZeroGrad();
        var breakdown = session.Objective.Compute(session.Model.EncodeImage(images), session.Model.EncodeText(tokens), personIds);
        breakdown.Total.backward();
        session.Optimizer.Step();
        return breakdown;
    }

    private static EpochMetrics Evaluate(TrainingSession session, PersonDataset dataset, TorchRetrievalEmbedder embedder, TrainingOptions options, CancellationToken cancellationToken)
    {
        session.Model.eval();
        RetrievalScores? val = null, test = null, testImageToText = null;
        var valRecords = dataset.Records(DatasetSplit.Val);
        if (valRecords.Count > 0)
        {
            val = RetrievalScores.From(SplitEvaluator.Evaluate(embedder, valRecords, imageToText: false, cancellationToken).TextToImage);
        }

        var testRecords = dataset.Records(DatasetSplit.Test);
        if (testRecords.Count > 0)
        {
            var result = SplitEvaluator.Evaluate(embedder, testRecords, options.ImageToText, cancellationToken);
            test = RetrievalScores.From(result.TextToImage);
            testImageToText = result.ImageToText is null ? null : RetrievalScores.From(result.ImageToText);
        }

        return new EpochMetrics
        {
            Epoch = 0,
            LearningRate = 0,
            TrainLoss = 0,
            Steps = 0,
            EpochSeconds = 0,
            SamplesPerSecond = 0,
            PeakMemoryMegabytes = 0,
            Val = val,
            Test = test,
            TestImageToText = testImageToText,
        };
    }

    private PersonDataset LoadDataset(TrainingOptions options, CancellationToken cancellationToken)
    {
        var loadOptions = new DatasetLoadOptions
        {
            Format = options.DataFormat is null ? null : DatasetFormats.Parse(options.DataFormat),
            ImageRoot = options.ImageRoot,
        };
        var dataset = PersonDatasetLoader.Load(options.DataFile, loadOptions, logger, cancellationToken);
        if (dataset.Records(DatasetSplit.Train).Count == 0)
        {
            throw new InvalidDataException($"'{options.DataFile}' has no training records; a run needs a 'train' split.");
        }

        return dataset;
    }

    private static (TrainingRunConfig Config, string? BasePath) Resolve(TrainingOptions options, PersonDataset dataset)
    {
        var preset = UpPersonPresets.Get(options.Preset);
        var clip = preset.Clip;
        string? basePath = null;
        var baseSource = $"random initialisation (seed {options.Seed})";
        var baseHash = string.Empty;
        if (options.BaseCheckpoint is not null)
        {
            var checkpoint = TrainingRunFolder.ResolveCheckpoint(options.BaseCheckpoint);
            var manifest = PetlCheckpoint.ReadManifest(checkpoint);
            clip = manifest.Clip;
            basePath = PetlCheckpoint.ResolveBasePath(checkpoint, manifest);
            baseSource = $"{manifest.BaseWeights.Source} via {Path.GetFullPath(checkpoint)}";
            baseHash = manifest.BaseWeights.Sha256;
        }

        var petl = (options.NoPetl ? PetlConfig.Disabled : preset.Petl).Validate(clip);
        var losses = options.Losses with { IdClassCount = options.Losses.IdWeight > 0 ? dataset.TrainIdCount : options.Losses.IdClassCount };
        losses.Validate();
        var config = new TrainingRunConfig
        {
            FormatVersion = TrainingRunConfig.CurrentFormatVersion,
            Options = options with { DataFile = Path.GetFullPath(options.DataFile), RunDirectory = Path.GetFullPath(options.RunDirectory) },
            Preset = preset.Name,
            Clip = clip,
            Petl = petl,
            LearningRate = options.LearningRate ?? preset.LearningRate,
            Losses = losses,
            BaseSource = baseSource,
            BaseSha256 = baseHash,
            TrainableParameters = 0,
            TotalParameters = 0,
            CreatedUtc = DateTimeOffset.UtcNow,
        };
        return (config, basePath);
    }

    private static TrainingBatchBuilder CreateBatchBuilder(TrainingRunConfig config, IReadOnlyList<PersonImageRecord> records, ClipTokenizer tokenizer)
    {
        var input = ImageInputSpec.UpPersonDefault with { Height = config.Clip.Vision.ImageHeight, Width = config.Clip.Vision.ImageWidth };
        var augmentation = config.Options.ImageAugmentation
            ? new TrainingImageTransformOptions { Input = input }
            : new TrainingImageTransformOptions { Input = input, FlipProbability = 0, PaddingPixels = 0, ErasingProbability = 0 };
        return new TrainingBatchBuilder(
            records,
            new TrainingImageTransform(augmentation),
            tokenizer,
            config.Options.TextMasking ? new TextTokenMasker() : null,
            contextLength: config.Clip.Text.ContextLength,
            maxDegreeOfParallelism: config.Options.DataThreads);
    }
}
