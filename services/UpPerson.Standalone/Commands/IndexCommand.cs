using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using UpPerson.Cli;
using UpPerson.Inference;
using UpPerson.Ingest;

namespace UpPerson.Standalone.Commands;

/// <summary><c>index</c>: detects people in a video, embeds their crops and stores the sightings.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var bundle = new Option<string>("--bundle") { Description = "Model bundle folder whose image encoder embeds the crops.", Required = true };
        var data = new Option<string>("--data") { Description = "Data folder for the index and the crops (created when missing).", Required = true };
        var source = new Option<string>("--source") { Description = "Video file path, file:// URI or stream URL (rtsp://, http://).", Required = true };
        var camera = new Option<string>("--camera") { Description = "Camera id the sightings are filed under.", Required = true };
        var sampleFps = new Option<double>("--sample-fps") { Description = "Frames per second of stream time passed to the detector.", DefaultValueFactory = _ => 2.0 };
        var start = new Option<string?>("--start") { Description = "UTC time of the video's first frame (ISO 8601). Default for files: the file's last-write time." };
        var batchSize = new Option<int>("--batch-size") { Description = "Crops embedded per ONNX Runtime run.", DefaultValueFactory = _ => 16 };
        var reconnect = new Option<int>("--reconnect-attempts") { Description = "For stream URLs: times to reopen a dropped or unreachable stream, waiting 1 s, 2 s, 4 s … up to 60 s between tries.", DefaultValueFactory = _ => 10 };
        var cpu = new Option<bool>("--cpu") { Description = "Run ONNX Runtime on the CPU even when CUDA is available." };
        var verbose = new Option<bool>("--verbose") { Description = "Log component start-up and stage details to stderr." };

        var command = new Command("index", "Index a video file or stream as one camera: detect people, embed crops, store sightings.")
        {
            bundle, data, source, camera, sampleFps, start, batchSize, reconnect, cpu, verbose,
        };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(() => RunAsync(
            new IndexArguments(
                parseResult.GetValue(bundle)!,
                parseResult.GetValue(data)!,
                parseResult.GetValue(source)!,
                parseResult.GetValue(camera)!,
                parseResult.GetValue(sampleFps),
                ParseStart(parseResult.GetValue(start)),
                parseResult.GetValue(batchSize),
                parseResult.GetValue(reconnect),
                parseResult.GetValue(cpu),
                parseResult.GetValue(verbose)),
            cancellationToken)));
        return command;
    }

    private sealed record IndexArguments(
        string Bundle, string Data, string Source, string Camera, double SampleFps, DateTimeOffset? Start, int BatchSize, int ReconnectAttempts, bool Cpu, bool Verbose);

    private static async Task<int> RunAsync(IndexArguments arguments, CancellationToken cancellationToken)
    {
        Validate(arguments);
        using var loggers = CliLogging.Create(arguments.Verbose);
        var data = new StandaloneDataFolder(arguments.Data);
        var pipelineOptions = new IngestPipelineOptions { CameraId = arguments.Camera, BatchSize = arguments.BatchSize };
        var sourceOptions = new VideoSourceOptions { SampleFramesPerSecond = arguments.SampleFps, RecordingStartUtc = arguments.Start };
        pipelineOptions.Validate();
        sourceOptions.Validate();

        var bundle = BundleLoading.Load(arguments.Bundle, loggers, cancellationToken);
        using var encoder = new OnnxImageEncoder(
            bundle,
            BundleLoading.CreateSessionFactory(loggers, arguments.Cpu),
            new OnnxImageEncoderOptions { MaxBatchSize = arguments.BatchSize },
            loggers.CreateLogger<OnnxImageEncoder>());
        using var detector = new HogPersonDetector(new HogDetectorOptions());
        var cropStore = new CropStore(new CropStoreOptions { RootDirectory = data.CropsRoot });
        await using var store = await data.OpenStoreAsync(loggers, readOnly: false, cancellationToken);
        var pipeline = new IngestPipeline(pipelineOptions, detector, encoder, cropStore, store, loggers.CreateLogger<IngestPipeline>());

        // A file is read once. A stream that drops is opened again with growing delays, and every
        // successful connection resets the count, so only a stream that stays down ends the command.
        var isStream = StreamLocation.IsUrl(arguments.Source);
        var failedAttempts = 0;
        IngestSummary? lastSummary = null;
        while (true)
        {
            try
            {
                using var source = FrameSources.Open(arguments.Source, sourceOptions, loggers);
                Console.Error.WriteLine(
                    $"Indexing {source.Stream.Location} as camera '{arguments.Camera}' ({source.Stream.Width}x{source.Stream.Height}, " +
                    $"{source.Stream.FramesPerSecond:F1} fps, {DescribeFrameCount(source.Stream.DeclaredFrameCount)}) with model {bundle.ModelId} on {encoder.ExecutionProvider}.");
                lastSummary = await pipeline.RunAsync(source, new ConsoleProgress(source.Stream.DeclaredFrameCount), cancellationToken);
                failedAttempts = 0;
            }
            catch (IOException exception) when (isStream && failedAttempts < arguments.ReconnectAttempts && !cancellationToken.IsCancellationRequested)
            {
                failedAttempts++;
                await WaitToReconnectAsync(exception.Message, failedAttempts, arguments.ReconnectAttempts, cancellationToken);
                continue;
            }
            catch (IOException) when (isStream && lastSummary is not null)
            {
                // The stream was indexed before it dropped for good: report that part rather than an error.
                return ReportDisconnection(lastSummary, arguments.ReconnectAttempts);
            }

            if (!Console.IsErrorRedirected)
            {
                Console.Error.WriteLine();
            }

            PrintSummary(lastSummary, data, bundle.ModelId);
            if (lastSummary.End == StreamEnd.Disconnected && failedAttempts < arguments.ReconnectAttempts && !cancellationToken.IsCancellationRequested)
            {
                failedAttempts++;
                await WaitToReconnectAsync($"the stream {lastSummary.DescribeEnd()}", failedAttempts, arguments.ReconnectAttempts, cancellationToken);
                continue;
            }

            return lastSummary.End switch
            {
                StreamEnd.Completed => CommandErrors.Success,
                StreamEnd.Truncated => ReportTruncation(lastSummary),
                StreamEnd.Disconnected => ReportDisconnection(lastSummary, arguments.ReconnectAttempts),
                _ => CommandErrors.Cancelled,
            };
        }
    }

    private static async Task WaitToReconnectAsync(string reason, int attempt, int attempts, CancellationToken cancellationToken)
    {
        var delay = ReconnectBackoff.Default.DelayBefore(attempt);
        Console.Error.WriteLine($"warning: {reason}. Reconnecting in {delay.TotalSeconds:F0} s (attempt {attempt} of {attempts}).");
        await Task.Delay(delay, cancellationToken);
    }

    private static int ReportDisconnection(IngestSummary summary, int attempts)
    {
        Console.Error.WriteLine(
            $"warning: the stream {summary.DescribeEnd()} and did not come back after {attempts} reconnection attempts. " +
            "The sightings up to the disconnection are indexed; check the camera and network, then run index again.");
        return CommandErrors.Partial;
    }

    /// <summary>Checks the options by their command-line names before anything is loaded.</summary>
    private static void Validate(IndexArguments arguments)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(arguments.Source))
        {
            problems.Add("--source is empty; give a video file path or a stream URL such as rtsp://camera-3/stream1");
        }
        else if (Directory.Exists(arguments.Source))
        {
            problems.Add($"--source '{arguments.Source}' is a folder; give one video file (index each file of a folder in its own run)");
        }

        if (string.IsNullOrWhiteSpace(arguments.Camera))
        {
            problems.Add("--camera is empty; give the camera's id, for example --camera gate-3");
        }

        if (!(arguments.SampleFps > 0) || !double.IsFinite(arguments.SampleFps))
        {
            problems.Add($"--sample-fps must be a positive number of frames per second of video, got {arguments.SampleFps.ToString(CultureInfo.InvariantCulture)}");
        }

        if (arguments.BatchSize < 1)
        {
            problems.Add($"--batch-size must be at least 1, got {arguments.BatchSize}");
        }

        if (arguments.ReconnectAttempts < 0)
        {
            problems.Add($"--reconnect-attempts must be 0 or more, got {arguments.ReconnectAttempts}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems) + ".");
        }
    }

    private static int ReportTruncation(IngestSummary summary)
    {
        Console.Error.WriteLine(
            $"warning: the video is {summary.DescribeEnd()}: it ends early or is damaged after that point. " +
            $"The {summary.SightingsWritten} sightings from the frames read are indexed; re-encode or re-copy the file to index the rest.");
        return CommandErrors.Partial;
    }

    private static void PrintSummary(IngestSummary summary, StandaloneDataFolder data, string modelId)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 1e-9);
        Console.WriteLine($"Indexed camera '{summary.CameraId}' from {summary.Location}: {summary.DescribeEnd()}.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  frames read {summary.FramesRead}, sampled {summary.FramesSampled}, detections {summary.Detections}, " +
            $"crops kept {summary.CropsKept} (skipped {summary.CropsSkipped}, discarded {summary.CropsDiscarded}), sightings written {summary.SightingsWritten}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {summary.Elapsed.TotalSeconds:F1} s: {summary.FramesRead / seconds:F1} frames/s, {summary.SightingsWritten / seconds:F2} sightings/s; model {modelId}; data {data.Root}"));
    }

    private static string DescribeFrameCount(long? declared) =>
        declared is > 0 ? $"{declared} frames declared" : "length unknown";

    private static DateTimeOffset? ParseStart(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            throw new ArgumentException($"--start '{value}' is not a date and time; use ISO 8601 such as 2026-12-04T10:00:00Z.");
        }

        return parsed;
    }

    /// <summary>Progress on stderr at most once a second: one rewritten line on a terminal, plain lines otherwise.</summary>
    private sealed class ConsoleProgress(long? declaredFrames) : IProgress<IngestProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private readonly Lock _gate = new();
        private TimeSpan? _lastReport;

        public void Report(IngestProgress value)
        {
            lock (_gate)
            {
                if (_lastReport is { } last && value.Elapsed - last < Interval)
                {
                    return;
                }

                _lastReport = value.Elapsed;
                var total = declaredFrames is > 0 ? string.Create(CultureInfo.InvariantCulture, $"/{declaredFrames} ({100.0 * value.FramesRead / declaredFrames.Value:F0} %)") : string.Empty;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"  frames {value.FramesRead}{total}, detections {value.Detections}, crops {value.CropsKept}, sightings {value.SightingsWritten}, {value.FramesPerSecond:F1} frames/s");
                Console.Error.Write(_terminal ? $"\r{line,-110}" : line + Environment.NewLine);
            }
        }
    }
}
