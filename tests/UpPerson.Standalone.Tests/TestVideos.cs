using System.Diagnostics;

namespace UpPerson.Standalone.Tests;

/// <summary>OpenCV's sample campus video (Debian's opencv-doc) and clips cut from it with ffmpeg.</summary>
public static class TestVideos
{
    public const string Campus = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    public const int CampusFrames = 795;

    /// <summary>Copies the first <paramref name="frames"/> frames without re-encoding.</summary>
    public static string CutCampus(string folder, int frames)
    {
        var path = Path.Combine(folder, $"campus-{frames}.avi");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-y", "-loglevel", "error", "-i", Campus, "-frames:v", frames.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", "copy", path })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not cut {Campus}: {error}");
        }

        return path;
    }

    /// <summary>Re-encodes a clip as an MPEG transport stream, the format cameras stream over HTTP.</summary>
    public static void Transcode(string source, string target)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-y", "-loglevel", "error", "-i", source, "-c:v", "mpeg2video", "-q:v", "4", "-f", "mpegts", target })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not transcode {source}: {error}");
        }
    }

    /// <summary>Keeps the first <paramref name="fraction"/> of the file's bytes, as a copy cut off mid-transfer would.</summary>
    public static string Truncate(string source, string folder, double fraction)
    {
        var bytes = File.ReadAllBytes(source);
        var path = Path.Combine(folder, "truncated.avi");
        File.WriteAllBytes(path, bytes.AsSpan(0, (int)(bytes.Length * fraction)).ToArray());
        return path;
    }
}
