using System.Text.Json;

namespace UpPerson.Standalone.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class SearchCommandTests(StandaloneFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-search-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Search_Json_ListsRankedSightingsWithCrops()
    {
        var result = await SearchAsync("--top", "5", "--json", "a man in a dark coat");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var hits = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, hits.Count);
        Assert.True(document.RootElement.GetProperty("randomInitModel").GetBoolean());
        var scores = hits.Select(hit => hit.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(score => score).ToList(), scores);
        foreach (var hit in hits)
        {
            Assert.Equal("gate", hit.GetProperty("cameraId").GetString());
            Assert.Equal(32, hit.GetProperty("sightingId").GetString()!.Length);
            Assert.EndsWith("Z", hit.GetProperty("timestampUtc").GetString());
            Assert.True(hit.GetProperty("box").GetProperty("height").GetInt32() > 0);
            Assert.True(File.Exists(hit.GetProperty("cropPath").GetString()), hit.GetProperty("cropPath").GetString());
        }

        Assert.Contains("random", result.Stderr);
    }

    [Fact]
    public async Task Search_Html_WritesContactSheetWithThumbnails()
    {
        var sheet = Path.Combine(_folder, "sheet.html");

        var result = await SearchAsync("--top", "4", "--html", sheet, "person with a backpack & <bag>");

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(sheet);
        Assert.Equal(4, html.Split("src=\"data:image/jpeg;base64,").Length - 1);
        Assert.Contains("person with a backpack &amp; &lt;bag&gt;", html);
        Assert.Contains("camera gate", html);
    }

    [Fact]
    public async Task Search_SameQueryTwice_SameOrder()
    {
        var first = await SearchAsync("--top", "8", "--json", "woman walking");
        var second = await SearchAsync("--top", "8", "--json", "woman walking");

        Assert.Equal(Ids(first), Ids(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task Search_TextWithoutWords_FailsWithExample(string text)
    {
        var result = await SearchAsync("--top", "3", text);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("contains no words", result.Stderr);
    }

    [Fact]
    public async Task Search_FiveHundredWords_FailsUnlessTruncationAllowed()
    {
        var text = string.Join(' ', Enumerable.Repeat("tall man wearing a grey hooded jacket", 72)) + " end";

        var rejected = await SearchAsync("--top", "3", text);
        var allowed = await SearchAsync("--top", "3", "--allow-truncation", text);

        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("505 words", rejected.Stderr);
        Assert.Contains("77 tokens", rejected.Stderr);
        Assert.Equal(0, allowed.ExitCode);
    }

    [Fact]
    public async Task Search_CameraAndTimeFilters_RestrictResults()
    {
        var otherCamera = await SearchAsync("--top", "3", "--json", "--camera", "nowhere", "a person");
        var future = await SearchAsync("--top", "3", "--json", "--from", "2100-01-01T00:00:00Z", "a person");
        var badTime = await SearchAsync("--top", "3", "--from", "yesterday-ish", "a person");

        Assert.Equal(0, otherCamera.ExitCode);
        Assert.Empty(Ids(otherCamera));
        Assert.Empty(Ids(future));
        Assert.Equal(1, badTime.ExitCode);
        Assert.Contains("yesterday-ish", badTime.Stderr);
    }

    [Fact]
    public async Task Search_BundleOfAnotherModel_FailsNamingIndexedModels()
    {
        var other = Path.Combine(_folder, "other-bundle");
        var export = await CliRunner.TrainAsync("export", "--preset", "tiny", "--random-init", "--seed", "99", "--out", other);
        Assert.True(export.ExitCode == 0, export.ToString());

        var result = await CliRunner.UpPersonAsync("search", "--bundle", other, "--data", fixture.Data, "a person");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has no sightings embedded with model", result.Stderr);
    }

    [Fact]
    public async Task Stats_FolderNeverIndexed_Fails()
    {
        var result = await CliRunner.UpPersonAsync("stats", "--data", Path.Combine(_folder, "empty"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No index found", result.Stderr);
    }

    [Fact]
    public async Task Stats_IndexedClip_CountsOneCamera()
    {
        var result = await CliRunner.UpPersonAsync("stats", "--data", fixture.Data, "--json");

        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(fixture.ClipSightings, document.RootElement.GetProperty("sightings").GetInt64());
        Assert.Equal(1, document.RootElement.GetProperty("cameras").GetInt32());
    }

    private Task<CliResult> SearchAsync(params string[] arguments) =>
        CliRunner.UpPersonAsync(["search", "--bundle", fixture.Bundle, "--data", fixture.Data, .. arguments]);

    private static List<string> Ids(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.GetProperty("results").EnumerateArray().Select(hit => hit.GetProperty("sightingId").GetString()!).ToList();
    }
}
