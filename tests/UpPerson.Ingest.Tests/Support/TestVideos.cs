using System.Diagnostics;

namespace UpPerson.Ingest.Tests;

/// <summary>The sample video shipped by Debian's opencv-doc package, and small videos made with ffmpeg.</summary>
public static class TestVideos
{
    public const int VtestFrameCount = 795;

    public const int VtestWidth = 768;

    public const int VtestHeight = 576;

    private const string VtestLocation = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    /// <summary>Path of vtest.avi (768x576, 10 fps, 795 frames of people walking).</summary>
    public static string Vtest
    {
        get
        {
            if (!File.Exists(VtestLocation))
            {
                throw new FileNotFoundException(
                    $"Test video '{VtestLocation}' is missing. Install it with 'apt-get install opencv-doc'.",
                    VtestLocation);
            }

            return VtestLocation;
        }
    }

    /// <summary>Writes a synthetic test pattern of the given length with ffmpeg and returns its path.</summary>
    public static string MakeTestPattern(TempFolder folder, string name, int frameCount, string frameRate, string codec)
    {
        var path = folder.File(name);
        Run(
            "ffmpeg",
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc=size=160x120:rate={frameRate}",
            "-frames:v", frameCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", codec, "-pix_fmt", "yuv420p",
            path);
        return path;
    }

    /// <summary>Re-encodes the first frames of vtest.avi as an MPEG transport stream, the format cameras stream over HTTP.</summary>
    public static string MakeTransportStream(TempFolder folder, string name, int frameCount)
    {
        var path = folder.File(name);
        Run(
            "ffmpeg",
            "-hide_banner", "-loglevel", "error", "-y",
            "-i", Vtest,
            "-frames:v", frameCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "mpeg2video", "-q:v", "4", "-f", "mpegts",
            path);
        return path;
    }

    /// <summary>Copies the first <paramref name="byteCount"/> bytes of a file with <c>head -c</c>, as a cut-off download would.</summary>
    public static string Truncate(string sourcePath, long byteCount, string targetPath)
    {
        var output = Run("head", "-c", byteCount.ToString(System.Globalization.CultureInfo.InvariantCulture), sourcePath);
        File.WriteAllBytes(targetPath, output);
        return targetPath;
    }

    private static byte[] Run(string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{program}'; install it or add it to PATH.");
        var errorTask = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{program} {string.Join(' ', arguments)}' exited with code {process.ExitCode}: {errorTask.Result}");
        }

        return output.ToArray();
    }
}
