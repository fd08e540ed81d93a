using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OpenCvSharp;
using UpPerson.Cli;
using UpPerson.Inference;

namespace UpPerson.Standalone.Commands;

/// <summary><c>benchmark</c>: measures encoder throughput of a bundle on this machine.</summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var bundle = new Option<string>("--bundle") { Description = "Model bundle folder.", Required = true };
        var images = new Option<int>("--images") { Description = "Crops to embed in the timed run.", DefaultValueFactory = _ => 128 };
        var texts = new Option<int>("--texts") { Description = "Queries to embed in the timed run.", DefaultValueFactory = _ => 64 };
        var batchSize = new Option<int>("--batch-size") { Description = "Crops per ONNX Runtime run.", DefaultValueFactory = _ => 16 };
        var cpu = new Option<bool>("--cpu") { Description = "Run ONNX Runtime on the CPU even when CUDA is available." };
        var command = new Command("benchmark", "Measure crops per second and queries per second of a bundle's encoders.") { bundle, images, texts, batchSize, cpu };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(() => Run(
            parseResult.GetValue(bundle)!, parseResult.GetValue(images), parseResult.GetValue(texts), parseResult.GetValue(batchSize), parseResult.GetValue(cpu), cancellationToken)));
        return command;
    }

    private static int Run(string bundlePath, int imageCount, int textCount, int batchSize, bool cpu, CancellationToken cancellationToken)
    {
        if (imageCount < 1 || textCount < 1 || batchSize < 1)
        {
            throw new ArgumentException($"--images, --texts and --batch-size must be positive, got {imageCount}, {textCount} and {batchSize}.");
        }

        using var loggers = CliLogging.Create(verbose: false);
        var bundle = BundleLoading.Load(bundlePath, loggers, cancellationToken);
        var sessions = BundleLoading.CreateSessionFactory(loggers, cpu);
        using var imageEncoder = new OnnxImageEncoder(bundle, sessions, new OnnxImageEncoderOptions { MaxBatchSize = batchSize });
        using var textEncoder = new OnnxTextEncoder(bundle, sessions);

        // Person-sized crops of noise: the encoder's cost does not depend on the pixels.
        var crops = Enumerable.Range(0, imageCount).Select(_ => RandomCrop()).ToList();
        var queries = Enumerable.Range(0, textCount).Select(i => $"a person number {i} wearing a red jacket and blue jeans, carrying a black backpack").ToList();
        try
        {
            imageEncoder.EmbedImages(crops.Take(Math.Min(batchSize, imageCount)).ToList(), cancellationToken);
            textEncoder.EmbedTexts(queries.Take(1).ToList(), cancellationToken);

            var imageTime = Stopwatch.StartNew();
            imageEncoder.EmbedImages(crops, cancellationToken);
            imageTime.Stop();

            var textTime = Stopwatch.StartNew();
            foreach (var query in queries)
            {
                textEncoder.EmbedTexts([query], cancellationToken);
            }

            textTime.Stop();

            Console.WriteLine($"model {bundle.ModelId} ({bundle.Manifest.Architecture}, {bundle.Manifest.Precision}) on {imageEncoder.ExecutionProvider}, {Environment.ProcessorCount} logical CPUs");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"image encoder: {imageCount} crops in batches of {batchSize}: {imageTime.Elapsed.TotalSeconds:F2} s, {imageCount / imageTime.Elapsed.TotalSeconds:F2} crops/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"text encoder: {textCount} single queries: {textTime.Elapsed.TotalSeconds:F2} s, {textTime.Elapsed.TotalMilliseconds / textCount:F1} ms per query"));
        }
        finally
        {
            foreach (var crop in crops)
            {
                crop.Dispose();
            }
        }

        return CommandErrors.Success;
    }

    private static Mat RandomCrop()
    {
        var crop = new Mat(256, 96, MatType.CV_8UC3);
        Cv2.Randu(crop, Scalar.All(0), Scalar.All(255));
        return crop;
    }
}
