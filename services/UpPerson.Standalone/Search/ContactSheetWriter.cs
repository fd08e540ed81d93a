using System.Globalization;
using System.Net;
using System.Text;

namespace UpPerson.Standalone.Search;

/// <summary>
/// Writes search results as one self-contained HTML page: a grid of crop thumbnails (embedded as
/// data URIs, so the page survives being mailed or moved) with rank, score, camera and time.
/// </summary>
public static class ContactSheetWriter
{
    public static void Write(string path, SearchOutcome outcome, StandaloneDataFolder data)
    {
        var html = new StringBuilder();
        var query = WebUtility.HtmlEncode(outcome.Query);
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine(CultureInfo.InvariantCulture, $"<title>UpPerson: {query}</title>");
        html.AppendLine("<style>");
        html.AppendLine("body{font-family:system-ui,sans-serif;margin:1.5rem;background:#f6f6f4;color:#222}");
        html.AppendLine(".grid{display:flex;flex-wrap:wrap;gap:12px}");
        html.AppendLine(".hit{background:#fff;border:1px solid #ccc;border-radius:6px;padding:8px;width:150px;font-size:12px}");
        html.AppendLine(".hit img{width:128px;height:256px;object-fit:contain;background:#ddd;display:block;margin:0 auto 6px}");
        html.AppendLine(".missing{width:128px;height:256px;display:flex;align-items:center;justify-content:center;background:#eee;color:#a00}");
        html.AppendLine(".warning{background:#fff3cd;border:1px solid #e0b000;padding:8px;margin-bottom:1rem}");
        html.AppendLine("</style></head><body>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>\u201C{query}\u201D</h1>");
        html.AppendLine(CultureInfo.InvariantCulture,
            $"<p>{outcome.Hits.Count} results from model <code>{WebUtility.HtmlEncode(outcome.ModelId)}</code>{DescribeFilters(outcome)}, searched in {outcome.Elapsed.TotalMilliseconds:F0} ms.</p>");
        if (outcome.RandomInitModel)
        {
            html.AppendLine("<p class=\"warning\">This model has random weights: the ranking below is meaningless.</p>");
        }

        html.AppendLine("<div class=\"grid\">");
        var rank = 1;
        foreach (var hit in outcome.Hits)
        {
            var sighting = hit.Sighting;
            var cropPath = data.ResolveCrop(sighting.CropPath);
            html.AppendLine("<div class=\"hit\">");
            html.AppendLine(File.Exists(cropPath)
                ? $"<img alt=\"crop {rank}\" src=\"data:image/jpeg;base64,{Convert.ToBase64String(File.ReadAllBytes(cropPath))}\">"
                : $"<div class=\"missing\">crop missing</div>");
            html.AppendLine(CultureInfo.InvariantCulture, $"<b>#{rank}</b> score {hit.Score:F4}<br>");
            html.AppendLine(CultureInfo.InvariantCulture, $"camera {WebUtility.HtmlEncode(sighting.CameraId)}<br>");
            html.AppendLine(CultureInfo.InvariantCulture, $"{sighting.TimestampUtc.ToUniversalTime():yyyy-MM-dd HH:mm:ss.fff} UTC<br>");
            html.AppendLine(CultureInfo.InvariantCulture, $"frame {sighting.FrameIndex}, track {sighting.TrackId}<br>");
            html.AppendLine(CultureInfo.InvariantCulture, $"<a href=\"{WebUtility.HtmlEncode(new Uri(cropPath).AbsoluteUri)}\">{WebUtility.HtmlEncode(sighting.Id[..12])}</a>");
            html.AppendLine("</div>");
            rank++;
        }

        html.AppendLine("</div></body></html>");

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, html.ToString());
    }

    private static string DescribeFilters(SearchOutcome outcome)
    {
        var parts = new List<string>();
        if (outcome.CameraFilter.Count > 0)
        {
            parts.Add($"cameras {WebUtility.HtmlEncode(string.Join(", ", outcome.CameraFilter))}");
        }

        if (outcome.FromUtc is { } from)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"from {from.ToUniversalTime():O}"));
        }

        if (outcome.ToUtc is { } to)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"before {to.ToUniversalTime():O}"));
        }

        return parts.Count == 0 ? string.Empty : $" ({string.Join("; ", parts)})";
    }
}
