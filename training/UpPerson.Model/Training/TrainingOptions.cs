using UpPerson.Model.Objectives;

namespace UpPerson.Model.Training;

/// <summary>What a training run starts from and how it trains; saved resolved in the run folder.</summary>
public sealed record TrainingOptions
{
    /// <summary>Annotation file (reid_raw.json, ICFG-PEDES.json, data_captions.json or *.jsonl).</summary>
    public required string DataFile { get; init; }

    /// <summary>Format name when the file name does not reveal it.</summary>
    public string? DataFormat { get; init; }

    /// <summary>Folder the image paths are relative to, when not the default for the format.</summary>
    public string? ImageRoot { get; init; }

    /// <summary>Run folder: configuration, checkpoints, metrics and curves.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>Preset giving the PETL modules, the learning rate and, with random weights, the backbone.</summary>
    public required string Preset { get; init; }

    /// <summary>Checkpoint folder whose base weights the run starts from; null with <see cref="RandomInit"/>.</summary>
    public string? BaseCheckpoint { get; init; }

    /// <summary>Start from random backbone weights (CLIP "pretraining" on synthetic data, tests).</summary>
    public bool RandomInit { get; init; }

    /// <summary>Build the model without PETL modules (plain CLIP).</summary>
    public bool NoPetl { get; init; }

    /// <summary>Train every parameter, backbone included, instead of only the PETL tensors.</summary>
    public bool FullFineTune { get; init; }

    public int Epochs { get; init; } = 60;

    public int WarmupEpochs { get; init; } = 5;

    public int BatchSize { get; init; } = 128;

    /// <summary>Overrides the preset's learning rate.</summary>
    public double? LearningRate { get; init; }

    public long Seed { get; init; } = 1;

    public LossConfig Losses { get; init; } = new();

    /// <summary>The spec's caption masking (15 % of tokens); off trains on clean captions.</summary>
    public bool TextMasking { get; init; } = true;

    /// <summary>Flip, pad-and-crop and random erasing; off uses the evaluation transform.</summary>
    public bool ImageAugmentation { get; init; } = true;

    public int EvaluationBatchSize { get; init; } = 128;

    /// <summary>Threads that decode and augment images; -1 uses every core.</summary>
    public int DataThreads { get; init; } = -1;

    /// <summary>Also report image→text retrieval each epoch.</summary>
    public bool ImageToText { get; init; }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid option.</summary>
    public TrainingOptions Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataFile))
        {
            problems.Add("--data is empty; give the annotation file");
        }

        if (string.IsNullOrWhiteSpace(RunDirectory))
        {
            problems.Add("--out is empty; give the run folder");
        }

        if (RandomInit == (BaseCheckpoint is not null))
        {
            problems.Add("give exactly one of --base CHECKPOINT (pretrained backbone) or --random-init");
        }

        if (Epochs < 1)
        {
            problems.Add($"--epochs must be at least 1, got {Epochs}");
        }

        if (WarmupEpochs < 0 || WarmupEpochs >= Math.Max(Epochs, 1))
        {
            problems.Add($"--warmup-epochs must be in 0..{Epochs - 1}, got {WarmupEpochs}");
        }

        if (BatchSize < 2)
        {
            problems.Add($"--batch-size must be at least 2 (the losses compare samples within a batch), got {BatchSize}");
        }

        if (LearningRate is { } rate && !(rate > 0))
        {
            problems.Add($"--lr must be positive, got {rate}");
        }

        if (EvaluationBatchSize < 1)
        {
            problems.Add($"evaluation batch size must be positive, got {EvaluationBatchSize}");
        }

        if (DataThreads is 0 or < -1)
        {
            problems.Add($"--data-threads must be -1 (all cores) or positive, got {DataThreads}");
        }

        if (!FullFineTune && NoPetl)
        {
            problems.Add("--no-petl leaves nothing to train unless --full is given");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid training options: {string.Join("; ", problems)}.");
        }

        return this;
    }
}
