using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using UpPerson.Cli;
using UpPerson.Model.Configuration;
using UpPerson.Model.Objectives;
using UpPerson.Model.Training;

namespace UpPerson.Training.Commands;

/// <summary><c>train</c>: trains the PETL tensors (or the whole model) and checkpoints every epoch.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Annotation file: reid_raw.json, caption_all.json, ICFG-PEDES.json, data_captions.json or own-footage *.jsonl." };
        var format = new Option<string?>("--format") { Description = "Dataset format when the file name does not tell: cuhk-pedes, icfg-pedes, rstpreid, jsonl." };
        var images = new Option<string?>("--images") { Description = "Folder the image paths are relative to (default: imgs/ beside the annotation file)." };
        var output = new Option<string?>("--out") { Description = "New run folder for configuration, checkpoints, metrics and curves." };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this folder after its last completed epoch; other options are taken from its config.json." };
        var preset = new Option<string>("--preset") { Description = $"PETL modules and learning rate: {string.Join(", ", UpPersonPresets.Names)}.", DefaultValueFactory = _ => "cuhk-pedes" };
        var baseCheckpoint = new Option<string?>("--base") { Description = "Checkpoint or run folder whose backbone the run starts from (import-clip output, or an earlier run)." };
        var randomInit = new Option<bool>("--random-init") { Description = "Start from a random backbone of the preset's size instead of --base." };
        var noPetl = new Option<bool>("--no-petl") { Description = "Build the model without PETL modules (plain CLIP); needs --full." };
        var full = new Option<bool>("--full") { Description = "Train every parameter, backbone included (full fine-tuning)." };
        var epochs = new Option<int>("--epochs") { Description = "Epochs.", DefaultValueFactory = _ => 60 };
        var warmup = new Option<int?>("--warmup-epochs") { Description = "Linear warm-up epochs from 0.1·lr (default 5, or one less than --epochs for shorter runs)." };
        var batch = new Option<int>("--batch-size") { Description = "Samples per step.", DefaultValueFactory = _ => 128 };
        var learningRate = new Option<double?>("--lr") { Description = "Learning rate (default: the preset's)." };
        var seed = new Option<long>("--seed") { Description = "Seed of initialisation, shuffling and augmentation.", DefaultValueFactory = _ => 1 };
        var itc = new Option<double>("--itc") { Description = "Weight of the optional ITC loss (0 = off)." };
        var id = new Option<double>("--id-loss") { Description = "Weight of the optional ID classification loss (0 = off)." };
        var noMasking = new Option<bool>("--no-text-masking") { Description = "Train on clean captions instead of 15 % masked tokens." };
        var noAugmentation = new Option<bool>("--no-image-augmentation") { Description = "Skip flip, pad-and-crop and random erasing." };
        var threads = new Option<int>("--data-threads") { Description = "Threads decoding and augmenting images (-1: all cores).", DefaultValueFactory = _ => -1 };
        var imageToText = new Option<bool>("--i2t") { Description = "Also report image-to-text retrieval on the test split." };
        var verbose = new Option<bool>("--verbose") { Description = "Log dataset details." };

        var command = new Command("train", "Train UP-Person on a person-retrieval dataset, with a checkpoint and evaluation after every epoch.")
        {
            data, format, images, output, resume, preset, baseCheckpoint, randomInit, noPetl, full, epochs, warmup, batch, learningRate, seed, itc, id,
            noMasking, noAugmentation, threads, imageToText, verbose,
        };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(() =>
        {
            using var loggers = CliLogging.Create(verbose: true, singleLine: false);
            var trainer = new Trainer(loggers.CreateLogger("UpPerson.Training"));
            var progress = new ConsoleTrainingProgress();
            var resumeFolder = parseResult.GetValue(resume);
            TrainingSummary summary;
            if (resumeFolder is not null)
            {
                summary = trainer.Resume(resumeFolder, progress, cancellationToken);
            }
            else
            {
                var options = new TrainingOptions
                {
                    DataFile = parseResult.GetValue(data) ?? throw new ArgumentException("--data is required for a new run (or give --resume RUN_FOLDER)."),
                    DataFormat = parseResult.GetValue(format),
                    ImageRoot = parseResult.GetValue(images),
                    RunDirectory = parseResult.GetValue(output) ?? throw new ArgumentException("--out is required for a new run (or give --resume RUN_FOLDER)."),
                    Preset = parseResult.GetValue(preset)!,
                    BaseCheckpoint = parseResult.GetValue(baseCheckpoint),
                    RandomInit = parseResult.GetValue(randomInit),
                    NoPetl = parseResult.GetValue(noPetl),
                    FullFineTune = parseResult.GetValue(full),
                    Epochs = parseResult.GetValue(epochs),
                    WarmupEpochs = parseResult.GetValue(warmup) ?? Math.Clamp(parseResult.GetValue(epochs) - 1, 0, 5),
                    BatchSize = parseResult.GetValue(batch),
                    LearningRate = parseResult.GetValue(learningRate),
                    Seed = parseResult.GetValue(seed),
                    Losses = new LossConfig { ItcWeight = parseResult.GetValue(itc), IdWeight = parseResult.GetValue(id) },
                    TextMasking = !parseResult.GetValue(noMasking),
                    ImageAugmentation = !parseResult.GetValue(noAugmentation),
                    DataThreads = parseResult.GetValue(threads),
                    ImageToText = parseResult.GetValue(imageToText),
                };
                summary = trainer.Start(options, progress, cancellationToken);
            }

            PrintSummary(summary);
            return CommandErrors.Success;
        }));
        return command;
    }

    private static void PrintSummary(TrainingSummary summary)
    {
        Console.WriteLine($"selected epoch {summary.Selected.Epoch} (by {summary.SelectedBy}): test {summary.Selected.Test?.ToString() ?? "n/a"}; val {summary.Selected.Val?.ToString() ?? "n/a"}");
        Console.WriteLine($"last epoch {summary.Last.Epoch}: test {summary.Last.Test?.ToString() ?? "n/a"}");
        if (summary.BestTest is not null)
        {
            Console.WriteLine($"best-test epoch {summary.BestTest.Epoch} (authors' protocol, chosen on the test split): test {summary.BestTest.Test}");
        }
    }

    /// <summary>A progress bar on stderr, rewritten in place on a terminal and every 10 % otherwise.</summary>
    private sealed class ConsoleTrainingProgress : IProgress<TrainingProgress>
    {
        private const int BarWidth = 24;
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private int _lastDecile = -1;

        public void Report(TrainingProgress value)
        {
            var fraction = (double)value.Step / value.Steps;
            var decile = (int)(fraction * 10);
            if (!_terminal && decile == _lastDecile && value.Step != value.Steps)
            {
                return;
            }

            _lastDecile = decile;
            var filled = (int)(fraction * BarWidth);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {value.Epoch}/{value.Epochs} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.Step}/{value.Steps} loss {value.MeanLoss:F4} {value.SamplesPerSecond:F1} samples/s lr {value.LearningRate:G3} eta {value.Remaining:hh\\:mm\\:ss}");
            Console.Error.Write(_terminal ? $"\r{line}" : line + Environment.NewLine);
            if (_terminal && value.Step == value.Steps)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
