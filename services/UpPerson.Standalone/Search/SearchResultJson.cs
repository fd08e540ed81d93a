using System.Text.Json;
using System.Text.Json.Nodes;
using UpPerson.Cli;

namespace UpPerson.Standalone.Search;

/// <summary>The <c>search --json</c> document: the query, then one object per hit in rank order.</summary>
public static class SearchResultJson
{
    public static string Write(SearchOutcome outcome, StandaloneDataFolder data)
    {
        var results = new JsonArray();
        var rank = 1;
        foreach (var hit in outcome.Hits)
        {
            var sighting = hit.Sighting;
            results.Add(new JsonObject
            {
                ["rank"] = rank++,
                ["sightingId"] = sighting.Id,
                ["cameraId"] = sighting.CameraId,
                ["timestampUtc"] = UtcTime.Format(sighting.TimestampUtc),
                ["frameIndex"] = sighting.FrameIndex,
                ["box"] = new JsonObject
                {
                    ["x"] = sighting.Box.X,
                    ["y"] = sighting.Box.Y,
                    ["width"] = sighting.Box.Width,
                    ["height"] = sighting.Box.Height,
                },
                ["trackId"] = sighting.TrackId,
                ["detectionScore"] = sighting.DetectionScore,
                ["score"] = Math.Round(hit.Score, 6),
                ["cropPath"] = data.ResolveCrop(sighting.CropPath),
            });
        }

        var document = new JsonObject
        {
            ["query"] = outcome.Query,
            ["modelId"] = outcome.ModelId,
            ["randomInitModel"] = outcome.RandomInitModel,
            ["tokenCount"] = outcome.TokenCount,
            ["cameras"] = new JsonArray(outcome.CameraFilter.Select(camera => (JsonNode)camera).ToArray()),
            ["fromUtc"] = UtcTime.Format(outcome.FromUtc),
            ["toUtc"] = UtcTime.Format(outcome.ToUtc),
            ["elapsedMs"] = Math.Round(outcome.Elapsed.TotalMilliseconds, 1),
            ["results"] = results,
        };
        return document.ToJsonString(CliJson.Options);
    }
}
