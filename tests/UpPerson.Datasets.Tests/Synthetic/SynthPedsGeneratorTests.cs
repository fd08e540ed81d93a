using System.Text.Json;
using System.Text.RegularExpressions;
using OpenCvSharp;
using UpPerson.Datasets.Synthetic;

namespace UpPerson.Datasets.Tests.Synthetic;

public sealed class SynthPedsGeneratorTests
{
    private static SynthPedsOptions SmallSet(string outputDirectory) => new()
    {
        OutputDirectory = outputDirectory,
        Identities = 6,
        ImagesPerIdentity = 3,
        Seed = 5,
        SetName = "small",
        MaxDegreeOfParallelism = 2,
    };

    [Fact]
    public void Generate_SameSeed_WritesIdenticalFiles()
    {
        using var directory = new TemporaryDirectory();
        var first = SynthPedsGenerator.Generate(SmallSet(directory.Combine("a")) with { MaxDegreeOfParallelism = 1 }, null, CancellationToken.None);
        var second = SynthPedsGenerator.Generate(SmallSet(directory.Combine("b")) with { MaxDegreeOfParallelism = 2 }, null, CancellationToken.None);

        var firstFiles = RelativeFiles(first.OutputDirectory);
        var secondFiles = RelativeFiles(second.OutputDirectory);
        Assert.Equal(firstFiles, secondFiles);
        Assert.Equal(6 * 3 + 2, firstFiles.Count);

        foreach (var file in firstFiles)
        {
            var firstBytes = File.ReadAllBytes(Path.Combine(first.OutputDirectory, file));
            var secondBytes = File.ReadAllBytes(Path.Combine(second.OutputDirectory, file));
            Assert.True(firstBytes.AsSpan().SequenceEqual(secondBytes), $"File '{file}' differs between two runs with seed 5.");
        }
    }

    [Fact]
    public void Generate_DifferentSeed_ChangesAttributesAndCaptions()
    {
        using var directory = new TemporaryDirectory();
        var first = SynthPedsGenerator.Generate(SmallSet(directory.Combine("a")), null, CancellationToken.None);
        var second = SynthPedsGenerator.Generate(SmallSet(directory.Combine("b")) with { Seed = 6 }, null, CancellationToken.None);

        var firstManifest = SynthPedsJson.ReadManifest(first.ManifestPath);
        var secondManifest = SynthPedsJson.ReadManifest(second.ManifestPath);
        var firstCaptions = SynthPedsJson.ReadReidRaw(first.ReidRawPath).SelectMany(record => record.Captions);
        var secondCaptions = SynthPedsJson.ReadReidRaw(second.ReidRawPath).SelectMany(record => record.Captions);

        Assert.NotEqual(firstManifest.Persons.Select(person => person.Attributes), secondManifest.Persons.Select(person => person.Attributes));
        Assert.NotEqual(firstCaptions, secondCaptions);
    }

    [Fact]
    public void Generate_IdentityOffset_SharesNoIdentity()
    {
        using var directory = new TemporaryDirectory();
        var first = SynthPedsGenerator.Generate(SmallSet(directory.Combine("a")), null, CancellationToken.None);
        var second = SynthPedsGenerator.Generate(SmallSet(directory.Combine("b")) with { IdentityOffset = 6 }, null, CancellationToken.None);

        var firstPersons = SynthPedsJson.ReadManifest(first.ManifestPath).Persons;
        var secondPersons = SynthPedsJson.ReadManifest(second.ManifestPath).Persons;

        Assert.Equal([0L, 1, 2, 3, 4, 5], firstPersons.Select(person => person.SourceIdentity));
        Assert.Equal([6L, 7, 8, 9, 10, 11], secondPersons.Select(person => person.SourceIdentity));
        foreach (var person in secondPersons)
        {
            Assert.DoesNotContain(person.Attributes, firstPersons.Select(other => other.Attributes));
        }
    }

    [Fact]
    public void Generate_SmallSet_WritesCuhkPedesRecords()
    {
        using var directory = new TemporaryDirectory();
        var summary = SynthPedsGenerator.Generate(SmallSet(directory.Combine("out")), null, CancellationToken.None);

        // Parse the raw JSON rather than through ReidRawRecord, so that extra or misnamed keys fail the test.
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(summary.OutputDirectory, "reid_raw.json")));
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.Equal(18, document.RootElement.GetArrayLength());

        var splitOfId = new Dictionary<int, string>();
        var imagesOfId = new Dictionary<int, int>();
        var pathPattern = new Regex(@"^small/(\d+)/(\d+)\.jpg$");
        foreach (var record in document.RootElement.EnumerateArray())
        {
            Assert.Equal(["captions", "file_path", "id", "processed_tokens", "split"], record.EnumerateObject().Select(property => property.Name).Order());

            var id = record.GetProperty("id").GetInt32();
            var split = record.GetProperty("split").GetString()!;
            Assert.Contains(split, new[] { "train", "val", "test" });
            if (splitOfId.TryGetValue(id, out var earlierSplit))
            {
                Assert.Equal(earlierSplit, split);
            }

            splitOfId[id] = split;
            imagesOfId[id] = imagesOfId.GetValueOrDefault(id) + 1;

            var filePath = record.GetProperty("file_path").GetString()!;
            var match = pathPattern.Match(filePath);
            Assert.True(match.Success, $"file_path '{filePath}' does not have the form small/<id>/<n>.jpg.");
            Assert.Equal(id, int.Parse(match.Groups[1].Value));
            Assert.True(File.Exists(Path.Combine(summary.OutputDirectory, "imgs", filePath)), $"Image '{filePath}' is missing under imgs/.");

            var captions = record.GetProperty("captions").EnumerateArray().Select(caption => caption.GetString()!).ToArray();
            var tokens = record.GetProperty("processed_tokens").EnumerateArray()
                .Select(list => list.EnumerateArray().Select(token => token.GetString()!).ToArray())
                .ToArray();
            Assert.Equal(2, captions.Length);
            Assert.Equal(captions.Length, tokens.Length);
            for (var i = 0; i < captions.Length; i++)
            {
                Assert.Equal(CaptionTokenizer.Tokenize(captions[i]), tokens[i]);
                Assert.All(tokens[i], token => Assert.Equal(token.ToLowerInvariant(), token));
            }
        }

        Assert.Equal(Enumerable.Range(1, 6), splitOfId.Keys.Order());
        Assert.All(imagesOfId.Values, count => Assert.Equal(3, count));
    }

    [Fact]
    public void Generate_TwentyIdentities_SplitsSixteenTwoTwo()
    {
        using var directory = new TemporaryDirectory();
        var summary = SynthPedsGenerator.Generate(SmallSet(directory.Combine("out")) with { Identities = 20, ImagesPerIdentity = 1 }, null, CancellationToken.None);
        var records = SynthPedsJson.ReadReidRaw(summary.ReidRawPath);

        Assert.Equal(Enumerable.Range(1, 16), records.Where(record => record.Split == "train").Select(record => record.Id));
        Assert.Equal([17, 18], records.Where(record => record.Split == "val").Select(record => record.Id));
        Assert.Equal([19, 20], records.Where(record => record.Split == "test").Select(record => record.Id));
        Assert.Equal(16, summary.Split.Train.Count);
        Assert.Equal(17, summary.Split.Val.FirstId);
        Assert.Equal(20, summary.Split.Test.LastId);
    }

    [Fact]
    public void Generate_Images_Are384By128Bgr()
    {
        using var directory = new TemporaryDirectory();
        var summary = SynthPedsGenerator.Generate(SmallSet(directory.Combine("out")), null, CancellationToken.None);

        foreach (var record in SynthPedsJson.ReadReidRaw(summary.ReidRawPath))
        {
            using var image = Cv2.ImRead(Path.Combine(summary.OutputDirectory, "imgs", record.FilePath), ImreadModes.Unchanged);
            Assert.Equal(384, image.Rows);
            Assert.Equal(128, image.Cols);
            Assert.Equal(3, image.Channels());
            Assert.Equal(MatType.CV_8UC3, image.Type());
        }
    }

    [Fact]
    public void Generate_Manifest_RecordsSettingsAndPersons()
    {
        using var directory = new TemporaryDirectory();
        var options = SmallSet(directory.Combine("out")) with { BackgroundSet = SynthBackgroundSet.Park, IdentityOffset = 40, JpegQuality = 80 };
        var summary = SynthPedsGenerator.Generate(options, null, CancellationToken.None);
        var manifest = SynthPedsJson.ReadManifest(summary.ManifestPath);

        Assert.Equal("SynthPeds", manifest.Generator);
        Assert.Equal(SynthPedsGenerator.FormatVersion, manifest.FormatVersion);
        Assert.Equal(5, manifest.Seed);
        Assert.Equal(SynthBackgroundSet.Park, manifest.BackgroundSet);
        Assert.Equal(40, manifest.IdentityOffset);
        Assert.Equal(80, manifest.JpegQuality);
        Assert.Equal(384, manifest.ImageHeight);
        Assert.Equal(128, manifest.ImageWidth);
        Assert.Equal(6, manifest.Persons.Count);
        Assert.Equal(["train", "val", "test"], manifest.Splits.Select(split => split.Name));
        Assert.All(manifest.Persons, person => Assert.Equal(3, person.Images.Count));
        Assert.All(manifest.Persons.SelectMany(person => person.Images), image =>
            Assert.Contains(image.Scene, new[] { BackgroundScene.Grass, BackgroundScene.ParkPath, BackgroundScene.IndoorFloor }));

        var text = File.ReadAllText(summary.ManifestPath);
        Assert.Contains("\"background_set\": \"park\"", text);
        Assert.Contains("\"upper\": \"", text);
    }

    [Fact]
    public void Generate_ExistingSet_ThrowsUnlessOverwrite()
    {
        using var directory = new TemporaryDirectory();
        var options = SmallSet(directory.Combine("out"));
        SynthPedsGenerator.Generate(options, null, CancellationToken.None);
        var stale = Path.Combine(options.OutputDirectory, "imgs", "small", "stale.jpg");
        File.WriteAllBytes(stale, [1, 2, 3]);

        var error = Assert.Throws<IOException>(() => SynthPedsGenerator.Generate(options, null, CancellationToken.None));
        Assert.Contains(Path.GetFullPath(options.OutputDirectory), error.Message);
        Assert.Contains("Overwrite", error.Message);
        Assert.True(File.Exists(stale));

        var summary = SynthPedsGenerator.Generate(options with { Overwrite = true }, null, CancellationToken.None);
        Assert.False(File.Exists(stale));
        Assert.Equal(18, summary.Images);
    }

    [Fact]
    public void Generate_CancelledToken_WritesNoRecords()
    {
        using var directory = new TemporaryDirectory();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var options = SmallSet(directory.Combine("out"));

        Assert.ThrowsAny<OperationCanceledException>(() => SynthPedsGenerator.Generate(options, null, cancellation.Token));
        Assert.False(File.Exists(Path.Combine(options.OutputDirectory, "reid_raw.json")));
    }

    [Fact]
    public void Generate_Progress_EndsAtImageCount()
    {
        using var directory = new TemporaryDirectory();
        var progress = new RecordingProgress();
        var summary = SynthPedsGenerator.Generate(SmallSet(directory.Combine("out")), progress, CancellationToken.None);

        Assert.Equal(18, summary.Images);
        Assert.Equal(36, summary.Captions);
        Assert.NotEmpty(progress.Reports);
        Assert.Contains(new SynthPedsProgress(18, 18), progress.Reports);
        Assert.All(progress.Reports, report => Assert.Equal(18, report.ImagesTotal));
    }

    [Fact]
    public void Generate_InvalidOptions_WritesNothing()
    {
        using var directory = new TemporaryDirectory();
        var options = SmallSet(directory.Combine("out")) with { ImagesPerIdentity = 0 };

        var error = Assert.Throws<InvalidSynthPedsOptionsException>(() => SynthPedsGenerator.Generate(options, null, CancellationToken.None));
        Assert.Contains("ImagesPerIdentity", error.Message);
        Assert.False(Directory.Exists(options.OutputDirectory));
    }

    private static List<string> RelativeFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Records reports on the calling thread; <see cref="Progress{T}"/> would post them later.</summary>
    private sealed class RecordingProgress : IProgress<SynthPedsProgress>
    {
        private readonly Lock _lock = new();

        public List<SynthPedsProgress> Reports { get; } = [];

        public void Report(SynthPedsProgress value)
        {
            lock (_lock)
            {
                Reports.Add(value);
            }
        }
    }
}
