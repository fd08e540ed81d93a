using System.Text.Json;

namespace UpPerson.Standalone.Tests;

/// <summary>
/// Shared, read-only set-up for the command tests: a tiny random-weight bundle and a 150-frame
/// clip of the campus video indexed as camera "gate". Tests that change data use their own folders.
/// </summary>
public sealed class StandaloneFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("upperson-cli-").FullName;

    public string Bundle => Path.Combine(Root, "bundle");

    public string Data => Path.Combine(Root, "data");

    public string Clip { get; private set; } = string.Empty;

    public long ClipSightings { get; private set; }

    public async Task InitializeAsync()
    {
        var export = await CliRunner.TrainAsync("export", "--preset", "tiny", "--random-init", "--out", Bundle);
        Assert.True(export.ExitCode == 0, export.ToString());

        Clip = TestVideos.CutCampus(Root, 150);
        var index = await CliRunner.UpPersonAsync("index", "--bundle", Bundle, "--data", Data, "--source", Clip, "--camera", "gate");
        Assert.True(index.ExitCode == 0, index.ToString());

        ClipSightings = await CountSightingsAsync(Data);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    public static async Task<long> CountSightingsAsync(string data)
    {
        var stats = await CliRunner.UpPersonAsync("stats", "--data", data, "--json");
        Assert.True(stats.ExitCode == 0, stats.ToString());
        using var document = JsonDocument.Parse(stats.Stdout);
        return document.RootElement.GetProperty("sightings").GetInt64();
    }
}

[CollectionDefinition(Name)]
public sealed class StandaloneCollection : ICollectionFixture<StandaloneFixture>
{
    public const string Name = "standalone";
}
