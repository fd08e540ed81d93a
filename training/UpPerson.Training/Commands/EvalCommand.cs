using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using UpPerson.Cli;
using UpPerson.Datasets;
using UpPerson.Evaluation;
using UpPerson.Inference;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Retrieval;
using UpPerson.Model.Training;
using UpPerson.Tokenization;

namespace UpPerson.Training.Commands;

/// <summary><c>eval</c>: text-to-image retrieval metrics of a checkpoint or an exported bundle on one split.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Annotation file of the dataset.", Required = true };
        var format = new Option<string?>("--format") { Description = "Dataset format when the file name does not tell: cuhk-pedes, icfg-pedes, rstpreid, jsonl." };
        var images = new Option<string?>("--images") { Description = "Folder the image paths are relative to." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoint folder, or a run folder (its selected epoch), evaluated with TorchSharp." };
        var bundle = new Option<string?>("--bundle") { Description = "Model bundle evaluated with ONNX Runtime, as the services run it." };
        var split = new Option<string>("--split") { Description = "Split to evaluate: test, val or train.", DefaultValueFactory = _ => "test" };
        var imageToText = new Option<bool>("--i2t") { Description = "Also report image-to-text retrieval." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var batch = new Option<int>("--batch-size") { Description = "Images or captions per forward pass.", DefaultValueFactory = _ => 64 };

        var command = new Command("eval", "Evaluate text-to-image retrieval (R@1/5/10, mAP, mINP) on a dataset split.")
        {
            data, format, images, checkpoint, bundle, split, imageToText, json, batch,
        };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(() => Run(
            parseResult.GetValue(data)!,
            parseResult.GetValue(format),
            parseResult.GetValue(images),
            parseResult.GetValue(checkpoint),
            parseResult.GetValue(bundle),
            parseResult.GetValue(split)!,
            parseResult.GetValue(imageToText),
            parseResult.GetValue(json),
            parseResult.GetValue(batch),
            cancellationToken)));
        return command;
    }

    private static int Run(
        string dataFile, string? format, string? imageRoot, string? checkpoint, string? bundlePath, string splitName, bool imageToText, bool asJson, int batchSize, CancellationToken cancellationToken)
    {
        if ((checkpoint is null) == (bundlePath is null))
        {
            throw new ArgumentException("Give exactly one of --checkpoint or --bundle.");
        }

        if (!DatasetSplitNames.TryParse(splitName, out var split))
        {
            throw new ArgumentException($"--split '{splitName}' is not a split; use test, val or train.");
        }

        using var loggers = CliLogging.Create(verbose: false);
        var dataset = PersonDatasetLoader.Load(
            dataFile,
            new DatasetLoadOptions { Format = format is null ? null : DatasetFormats.Parse(format), ImageRoot = imageRoot },
            loggers.CreateLogger("UpPerson.Datasets"),
            cancellationToken);
        var records = dataset.Records(split);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"'{dataFile}' has no '{splitName}' records to evaluate.");
        }

        SplitEvaluator.Result result;
        string model;
        if (checkpoint is not null)
        {
            var resolved = TrainingRunFolder.ResolveCheckpoint(checkpoint);
            var (loaded, _) = PetlCheckpoint.Load(resolved);
            using (loaded)
            {
                loaded.eval();
                result = SplitEvaluator.Evaluate(new TorchRetrievalEmbedder(loaded, ClipTokenizer.CreateDefault(), batchSize), records, imageToText, cancellationToken);
            }

            model = Path.GetFullPath(resolved);
        }
        else
        {
            var bundle = ModelBundle.Load(bundlePath!, loggers.CreateLogger("UpPerson.Bundle"), cancellationToken);
            var sessions = new OnnxSessionFactory(logger: loggers.CreateLogger<OnnxSessionFactory>());
            using var imageEncoder = new OnnxImageEncoder(bundle, sessions, new OnnxImageEncoderOptions { MaxBatchSize = batchSize });
            using var textEncoder = new OnnxTextEncoder(bundle, sessions, new OnnxTextEncoderOptions { MaxBatchSize = batchSize });
            result = SplitEvaluator.Evaluate(new BundleRetrievalEmbedder(imageEncoder, textEncoder, batchSize), records, imageToText, cancellationToken);
            model = bundle.ModelId;
        }

        if (asJson)
        {
            var document = new JsonObject
            {
                ["model"] = model,
                ["data"] = Path.GetFullPath(dataFile),
                ["split"] = splitName,
                ["textToImage"] = ToJson(result.TextToImage),
            };
            if (result.ImageToText is not null)
            {
                document["imageToText"] = ToJson(result.ImageToText);
            }

            Console.WriteLine(document.ToJsonString(CliJson.Options));
        }
        else
        {
            Console.WriteLine($"{splitName} split of {dataFile}, model {model}:");
            Console.WriteLine($"  text→image ({result.TextToImage.QueryCount} captions, {result.TextToImage.GalleryCount} images): {result.TextToImage.ToReportLine()}");
            if (result.ImageToText is not null)
            {
                Console.WriteLine($"  image→text ({result.ImageToText.QueryCount} images, {result.ImageToText.GalleryCount} captions): {result.ImageToText.ToReportLine()}");
            }
        }

        return CommandErrors.Success;
    }

    private static JsonObject ToJson(RetrievalMetrics metrics) => new()
    {
        ["r1"] = Math.Round(metrics.RecallAt1, 4),
        ["r5"] = Math.Round(metrics.RecallAt5, 4),
        ["r10"] = Math.Round(metrics.RecallAt10, 4),
        ["mAP"] = Math.Round(metrics.MeanAveragePrecision, 4),
        ["mINP"] = Math.Round(metrics.MeanInversePositivePenalty, 4),
        ["queries"] = metrics.QueryCount,
        ["gallery"] = metrics.GalleryCount,
    };
}
