using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using UpPerson.Cli;

namespace UpPerson.Standalone.Commands;

/// <summary><c>stats</c>: what the data folder holds, per camera and per model.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder written by 'upperson index'.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var verbose = new Option<bool>("--verbose") { Description = "Log store start-up to stderr." };
        var command = new Command("stats", "Count the indexed sightings per camera and per model.") { data, json, verbose };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(() => RunAsync(
            parseResult.GetValue(data)!, parseResult.GetValue(json), parseResult.GetValue(verbose), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string dataPath, bool asJson, bool verbose, CancellationToken cancellationToken)
    {
        using var loggers = CliLogging.Create(verbose);
        var data = new StandaloneDataFolder(dataPath);
        await using var store = await data.OpenStoreAsync(loggers, readOnly: true, cancellationToken);
        var stats = await store.GetStatsAsync(cancellationToken);

        if (asJson)
        {
            var document = new JsonObject
            {
                ["sightings"] = stats.TotalSightings,
                ["cameras"] = stats.DistinctCameras,
                ["perCamera"] = new JsonArray(stats.Cameras.Select(camera => (JsonNode)new JsonObject
                {
                    ["cameraId"] = camera.CameraId,
                    ["sightings"] = camera.SightingCount,
                    ["firstSeenUtc"] = UtcTime.Format(camera.FirstSeenUtc),
                    ["lastSeenUtc"] = UtcTime.Format(camera.LastSeenUtc),
                }).ToArray()),
                ["collections"] = new JsonArray(stats.Collections.Select(collection => (JsonNode)new JsonObject
                {
                    ["modelId"] = collection.ModelId,
                    ["dimensions"] = collection.Dimensions,
                    ["embeddings"] = collection.EmbeddingCount,
                }).ToArray()),
            };
            Console.WriteLine(document.ToJsonString(CliJson.Options));
            return CommandErrors.Success;
        }

        Console.WriteLine($"{stats.TotalSightings} sightings from {stats.DistinctCameras} {(stats.DistinctCameras == 1 ? "camera" : "cameras")} in {data.Root}");
        foreach (var camera in stats.Cameras)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  camera {camera.CameraId}: {camera.SightingCount} sightings, {camera.FirstSeenUtc.ToUniversalTime():u} to {camera.LastSeenUtc.ToUniversalTime():u}"));
        }

        foreach (var collection in stats.Collections)
        {
            Console.WriteLine($"  model {collection.ModelId}: {collection.EmbeddingCount} embeddings of {collection.Dimensions} dimensions");
        }

        return CommandErrors.Success;
    }
}
