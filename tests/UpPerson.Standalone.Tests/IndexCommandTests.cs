using System.Text.RegularExpressions;

namespace UpPerson.Standalone.Tests;

[Collection(StandaloneCollection.Name)]
public sealed partial class IndexCommandTests(StandaloneFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-index-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Index_ShortClip_WritesSightingsAndCrops()
    {
        Assert.True(fixture.ClipSightings > 5, $"only {fixture.ClipSightings} sightings from 150 frames");
        var crops = Directory.EnumerateFiles(Path.Combine(fixture.Data, "crops"), "*.jpg", SearchOption.AllDirectories).Count();
        Assert.Equal(fixture.ClipSightings, crops);
    }

    // Sighting ids derive from camera, stream time and box, so a second run upserts the same rows,
    // and a run killed midway keeps every batch it reported as written.
    [Fact]
    public async Task Index_KilledMidwayThenRunTwice_KeepsSightingsAndSameCount()
    {
        var data = Path.Combine(_folder, "data");
        string[] arguments = ["index", "--bundle", fixture.Bundle, "--data", data, "--source", TestVideos.Campus, "--camera", "campus"];

        var reportedBeforeKill = await RunUntilKilledAsync(arguments, minimumSightings: 32);
        var afterKill = await StandaloneFixture.CountSightingsAsync(data);
        Assert.True(afterKill >= reportedBeforeKill, $"{afterKill} stored after the kill, {reportedBeforeKill} reported written before it");

        var first = await CliRunner.UpPersonAsync(arguments);
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstCount = await StandaloneFixture.CountSightingsAsync(data);

        var second = await CliRunner.UpPersonAsync(arguments);
        Assert.True(second.ExitCode == 0, second.ToString());
        var secondCount = await StandaloneFixture.CountSightingsAsync(data);

        Assert.Equal(firstCount, secondCount);
        Assert.True(firstCount > afterKill, $"full run stored {firstCount}, killed run {afterKill}");
        Assert.Contains($"sightings written {firstCount}", first.Stdout);
        Assert.Contains("frames read 795", second.Stdout);
    }

    [Fact]
    public async Task Index_StreamThatDrops_ReconnectsThenKeepsWhatItIndexed()
    {
        var video = Path.Combine(_folder, "live.ts");
        TestVideos.Transcode(fixture.Clip, video);
        using var server = new UpPerson.Ingest.Tests.LoopbackVideoServer(video, connections: 2);
        var data = Path.Combine(_folder, "data");

        var result = await CliRunner.UpPersonAsync(
            "index", "--bundle", fixture.Bundle, "--data", data, "--source", server.Url, "--camera", "street", "--reconnect-attempts", "1");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Reconnecting in 1 s (attempt 1 of 1)", result.Stderr);
        Assert.Contains("did not come back after 1 reconnection attempts", result.Stderr);
        Assert.Contains("disconnected after frame 150", result.Stdout);
        Assert.True(await StandaloneFixture.CountSightingsAsync(data) > 0);
    }

    [Fact]
    public async Task Index_UnreachableStream_FailsAfterRetries()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CliRunner.UpPersonAsync(
            "index", "--bundle", fixture.Bundle, "--data", Path.Combine(_folder, "data"), "--source", $"rtsp://cam:pw@127.0.0.1:{port}/live",
            "--camera", "x", "--reconnect-attempts", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Reconnecting in 1 s", result.Stderr);
        Assert.Contains($"rtsp://***@127.0.0.1:{port}/live", result.Stderr);
        Assert.DoesNotContain(":pw@", result.Stderr);
    }

    [Fact]
    public async Task Index_Interrupted_StopsCleanlyWithExit130()
    {
        var data = Path.Combine(_folder, "data");
        var reported = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = CliRunner.Start("upperson", ["index", "--bundle", fixture.Bundle, "--data", data, "--source", TestVideos.Campus, "--camera", "campus"]);
        var stdout = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            lock (stdout)
            {
                stdout.AppendLine(line.Data);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            var match = line.Data is null ? Match.Empty : WrittenSoFar().Match(line.Data);
            if (match.Success && long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 16)
            {
                reported.TrySetResult(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var written = await reported.Task.WaitAsync(CliRunner.DefaultTimeout);
        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(CliRunner.DefaultTimeout);
        process.WaitForExit();

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled at frame", stdout.ToString());
        Assert.True(await StandaloneFixture.CountSightingsAsync(data) >= written);
    }

    [Fact]
    public async Task Index_MissingVideo_FailsNamingPath()
    {
        var missing = Path.Combine(_folder, "no-such-video.avi");

        var result = await IndexAsync(missing, Path.Combine(_folder, "data"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(missing, result.Stderr);
    }

    [Fact]
    public async Task Index_NotAVideo_FailsNamingPath()
    {
        var corrupt = Path.Combine(_folder, "corrupt.avi");
        File.WriteAllBytes(corrupt, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7919 % 251)).ToArray());

        var result = await IndexAsync(corrupt, Path.Combine(_folder, "data"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(corrupt, result.Stderr);
    }

    [Fact]
    public async Task Index_TruncatedVideo_KeepsReadFramesAndExitsPartial()
    {
        var truncated = TestVideos.Truncate(TestVideos.Campus, _folder, 0.4);
        var data = Path.Combine(_folder, "data");

        var result = await IndexAsync(truncated, data);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Matches(TruncatedAt(), result.Stderr);
        var stopped = int.Parse(TruncatedAt().Match(result.Stderr).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(stopped, 1, TestVideos.CampusFrames - 1);
        Assert.True(await StandaloneFixture.CountSightingsAsync(data) > 0);
    }

    [Fact]
    public async Task Index_BundleFileChanged_FailsWithHashMismatch()
    {
        var bundle = CopyBundle();
        var encoder = Path.Combine(bundle, "text_encoder.onnx");
        var bytes = File.ReadAllBytes(encoder);
        bytes[bytes.Length / 2] ^= 0x55;
        File.WriteAllBytes(encoder, bytes);

        var result = await IndexAsync(fixture.Clip, Path.Combine(_folder, "data"), bundle);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("text_encoder.onnx", result.Stderr);
        Assert.Contains("SHA-256", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Index_BundleWithoutManifest_FailsNamingFolder()
    {
        var bundle = CopyBundle();
        File.Delete(Path.Combine(bundle, "model.json"));

        var result = await IndexAsync(fixture.Clip, Path.Combine(_folder, "data"), bundle);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("model.json", result.Stderr);
        Assert.Contains(bundle, result.Stderr);
    }

    [Fact]
    public async Task Index_InvalidSampleRate_FailsNamingOption()
    {
        var result = await CliRunner.UpPersonAsync(
            "index", "--bundle", fixture.Bundle, "--data", Path.Combine(_folder, "data"), "--source", fixture.Clip, "--camera", "x", "--sample-fps", "-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--sample-fps", result.Stderr);
        Assert.Contains("-1", result.Stderr);
    }

    private Task<CliResult> IndexAsync(string video, string data, string? bundle = null) =>
        CliRunner.UpPersonAsync("index", "--bundle", bundle ?? fixture.Bundle, "--data", data, "--source", video, "--camera", "test");

    private string CopyBundle()
    {
        var copy = Path.Combine(_folder, "bundle");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(fixture.Bundle))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    /// <summary>Starts an index run, kills it once progress reports enough written sightings, returns that count.</summary>
    private static async Task<long> RunUntilKilledAsync(string[] arguments, long minimumSightings)
    {
        var reported = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = CliRunner.Start("upperson", arguments);
        process.ErrorDataReceived += (_, line) =>
        {
            var match = line.Data is null ? Match.Empty : WrittenSoFar().Match(line.Data);
            if (match.Success && long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= minimumSightings)
            {
                reported.TrySetResult(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(reported.Task, exited, Task.Delay(CliRunner.DefaultTimeout));
        Assert.True(first == reported.Task, "the index run ended or timed out before reporting enough sightings");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return await reported.Task;
    }

    [GeneratedRegex(@"sightings (\d+),")]
    private static partial Regex WrittenSoFar();

    [GeneratedRegex(@"truncated at frame (\d+)")]
    private static partial Regex TruncatedAt();
}
