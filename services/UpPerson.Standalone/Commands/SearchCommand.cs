using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using UpPerson.Cli;
using UpPerson.Inference;
using UpPerson.Standalone.Search;
using UpPerson.Storage.Embedded;

namespace UpPerson.Standalone.Commands;

/// <summary><c>search</c>: ranks indexed sightings by similarity to a text description.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var bundle = new Option<string>("--bundle") { Description = "Model bundle folder (the one the index was built with).", Required = true };
        var data = new Option<string>("--data") { Description = "Data folder written by 'upperson index'.", Required = true };
        var top = new Option<int>("--top") { Description = "Number of results.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print results as JSON." };
        var html = new Option<string?>("--html") { Description = "Also write an HTML contact sheet with thumbnails to this file." };
        var cameras = new Option<string[]>("--camera") { Description = "Only these cameras (repeatable).", AllowMultipleArgumentsPerToken = false };
        var from = new Option<string?>("--from") { Description = "Only sightings at or after this UTC time (ISO 8601, e.g. 2026-12-04T10:00:00Z)." };
        var to = new Option<string?>("--to") { Description = "Only sightings before this UTC time (ISO 8601)." };
        var allowTruncation = new Option<bool>("--allow-truncation") { Description = "Search with the first 77 tokens of an over-long description instead of failing." };
        var cpu = new Option<bool>("--cpu") { Description = "Run ONNX Runtime on the CPU even when CUDA is available." };
        var verbose = new Option<bool>("--verbose") { Description = "Log progress and component start-up to stderr." };
        var text = new Argument<string>("text") { Description = "Description of the person, e.g. \"a woman in a red coat with a white handbag\"." };

        var command = new Command("search", "Find the sightings that best match a text description.")
        {
            bundle, data, top, json, html, cameras, from, to, allowTruncation, cpu, verbose, text,
        };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(() => RunAsync(
            new SearchArguments(
                parseResult.GetValue(bundle)!,
                parseResult.GetValue(data)!,
                parseResult.GetValue(top),
                parseResult.GetValue(json),
                parseResult.GetValue(html),
                parseResult.GetValue(cameras) ?? [],
                ParseUtc(parseResult.GetValue(from), "--from"),
                ParseUtc(parseResult.GetValue(to), "--to"),
                parseResult.GetValue(allowTruncation),
                parseResult.GetValue(cpu),
                parseResult.GetValue(verbose),
                parseResult.GetValue(text)!),
            cancellationToken)));
        return command;
    }

    private sealed record SearchArguments(
        string Bundle, string Data, int Top, bool Json, string? Html, string[] Cameras,
        DateTimeOffset? From, DateTimeOffset? To, bool AllowTruncation, bool Cpu, bool Verbose, string Text);

    private static async Task<int> RunAsync(SearchArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Top is < 1 or > EmbeddedSightingStore.MaxTopK)
        {
            throw new ArgumentException($"--top must be between 1 and {EmbeddedSightingStore.MaxTopK}, got {arguments.Top}.");
        }

        if (arguments.From is { } from && arguments.To is { } to && to <= from)
        {
            throw new ArgumentException($"--to ({to:O}) must be later than --from ({from:O}).");
        }

        if (arguments.Html is not null && Directory.Exists(arguments.Html))
        {
            throw new ArgumentException($"--html '{arguments.Html}' is a folder; give the path of the HTML file to write, for example results.html.");
        }

        using var loggers = CliLogging.Create(arguments.Verbose);
        var data = new StandaloneDataFolder(arguments.Data);
        var bundle = BundleLoading.Load(arguments.Bundle, loggers, cancellationToken);
        using var encoder = new OnnxTextEncoder(bundle, BundleLoading.CreateSessionFactory(loggers, arguments.Cpu), logger: loggers.CreateLogger<OnnxTextEncoder>());
        var tokens = encoder.Tokenize(arguments.Text);
        QueryText.Validate(arguments.Text, tokens, encoder.ContextLength, arguments.AllowTruncation);

        await using var store = await data.OpenStoreAsync(loggers, readOnly: true, cancellationToken);
        if (!store.ModelIds.Contains(bundle.ModelId))
        {
            var indexed = store.ModelIds.Count == 0 ? "none" : string.Join(", ", store.ModelIds);
            throw new InvalidOperationException(
                $"The index in '{data.Root}' has no sightings embedded with model {bundle.ModelId} (models indexed there: {indexed}). " +
                "Search with the bundle the video was indexed with, or index it again with this bundle.");
        }

        var stopwatch = Stopwatch.StartNew();
        var query = encoder.EmbedTexts([arguments.Text], cancellationToken)[0];
        var hits = await store.SearchAsync(
            new SightingSearchRequest
            {
                ModelId = bundle.ModelId,
                QueryVector = query,
                TopK = arguments.Top,
                CameraIds = arguments.Cameras.Length == 0 ? null : arguments.Cameras,
                FromUtc = arguments.From,
                ToUtc = arguments.To,
            },
            cancellationToken);
        var outcome = new SearchOutcome(arguments.Text, bundle.ModelId, bundle.IsRandomInit, tokens.TokenCount, arguments.Cameras, arguments.From, arguments.To, hits, stopwatch.Elapsed);

        Console.WriteLine(arguments.Json ? SearchResultJson.Write(outcome, data) : FormatTable(outcome, data));
        if (hits.Count == 0)
        {
            await ExplainEmptyResultAsync(store, arguments, cancellationToken);
        }

        if (arguments.Html is not null)
        {
            ContactSheetWriter.Write(arguments.Html, outcome, data);
            Console.Error.WriteLine($"Contact sheet written to {Path.GetFullPath(arguments.Html)}.");
        }

        return CommandErrors.Success;
    }

    /// <summary>Tells on stderr which filter excluded everything: an unknown camera or a time range with no sightings.</summary>
    private static async Task ExplainEmptyResultAsync(EmbeddedSightingStore store, SearchArguments arguments, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatsAsync(cancellationToken);
        var known = stats.Cameras.Select(camera => camera.CameraId).ToHashSet(StringComparer.Ordinal);
        var unknown = arguments.Cameras.Where(camera => !known.Contains(camera)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"note: camera(s) {string.Join(", ", unknown)} have no sightings here; indexed cameras: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }

        if ((arguments.From is not null || arguments.To is not null) && stats.Cameras.Count > 0)
        {
            var first = stats.Cameras.Min(camera => camera.FirstSeenUtc);
            var last = stats.Cameras.Max(camera => camera.LastSeenUtc);
            Console.Error.WriteLine($"note: indexed sightings span {UtcTime.Format(first)} to {UtcTime.Format(last)}; check --from and --to.");
        }
    }

    private static string FormatTable(SearchOutcome outcome, StandaloneDataFolder data)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{outcome.Hits.Count} results for \"{outcome.Query}\" ({outcome.Elapsed.TotalMilliseconds:F0} ms, model {outcome.ModelId}):"),
            string.Create(CultureInfo.InvariantCulture, $"{"rank",4}  {"score",7}  {"camera",-12}  {"time (UTC)",-23}  {"frame",6}  {"box",-18}  crop"),
        };
        var rank = 1;
        foreach (var hit in outcome.Hits)
        {
            var sighting = hit.Sighting;
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{rank++,4}  {hit.Score,7:F4}  {sighting.CameraId,-12}  {sighting.TimestampUtc.ToUniversalTime():yyyy-MM-dd HH:mm:ss.fff}  {sighting.FrameIndex,6}  {sighting.Box,-18}  {data.ResolveCrop(sighting.CropPath)}"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static DateTimeOffset? ParseUtc(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            throw new ArgumentException($"{option} '{value}' is not a date and time; use ISO 8601 such as 2026-12-04T10:00:00Z.");
        }

        return parsed;
    }
}
