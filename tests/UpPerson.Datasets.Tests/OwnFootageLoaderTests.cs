using System.Text.Json.Nodes;

namespace UpPerson.Datasets.Tests;

public sealed class OwnFootageLoaderTests
{
    [Fact]
    public void Load_JsonLines_RemapsIdsPerSplitInFirstSeenOrder()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("crops/cam1/a.png"));
        TestImages.WriteSolid(folder.PathOf("crops/cam1/b.jpg"));
        var absoluteImage = TestImages.WriteSolid(folder.PathOf("other/c.png"));
        TestImages.WriteSolid(folder.PathOf("crops/cam2/d.png"));
        string[] lines =
        [
            AnnotationFiles.OwnFootageLine("crops/cam1/a.png", "alice", ["a woman in a green coat"], "train"),
            AnnotationFiles.OwnFootageLine("crops/cam1/b.jpg", 7, ["a man with a cap", "cap and grey hoodie"], "train"),
            string.Empty,
            AnnotationFiles.OwnFootageLine(absoluteImage, "alice", ["green coat, brown boots"], "train"),
            AnnotationFiles.OwnFootageLine("crops/cam2/d.png", "bob", ["a man in a suit"], "test"),
        ];
        var file = folder.PathOf("footage.jsonl");
        File.WriteAllText(file, string.Join("\n", lines) + "\n");

        var dataset = PersonDatasetLoader.Load(file);

        Assert.Equal(DatasetFormat.OwnFootage, dataset.Format);
        Assert.Equal(folder.FullPath, dataset.ImageRoot);
        var train = dataset.Records(DatasetSplit.Train);
        Assert.Equal([0, 1, 0], train.Select(record => record.PersonId));
        Assert.Equal(["alice", "7", "alice"], train.Select(record => record.OriginalPersonId));
        Assert.Equal([0, 1, 3], train.Select(record => record.RecordIndex));
        Assert.Equal(Path.Combine(folder.FullPath, "crops", "cam1", "a.png"), train[0].ImagePath);
        Assert.Equal(absoluteImage, train[2].ImagePath);
        Assert.Equal(["a man with a cap", "cap and grey hoodie"], train[1].Captions);

        var test = Assert.Single(dataset.Records(DatasetSplit.Test));
        Assert.Equal(0, test.PersonId);
        Assert.Equal("bob", test.OriginalPersonId);
        Assert.Equal(new SplitCounts(3, 4, 5), dataset.Statistics.Total);
        Assert.DoesNotContain(dataset.Warnings, warning => warning.Kind == DatasetProblemKind.PublishedCountMismatch);
    }

    [Fact]
    public void Load_SamePersonInTrainAndTest_WarnsAboutOverlap()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("a.png"));
        string[] lines =
        [
            AnnotationFiles.OwnFootageLine("a.png", "carol", ["a woman with an umbrella"], "train"),
            AnnotationFiles.OwnFootageLine("a.png", "carol", ["umbrella and raincoat"], "test"),
        ];
        var file = folder.PathOf("labels.jsonl");
        File.WriteAllLines(file, lines);

        var dataset = PersonDatasetLoader.Load(file);

        var warning = Assert.Single(dataset.Warnings, problem => problem.Kind == DatasetProblemKind.PersonInSeveralSplits);
        Assert.Contains("'carol' in train and test", warning.Message);
    }

    [Fact]
    public void Load_BadLines_ReportsEveryLineNumber()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("a.png"));
        string[] lines =
        [
            AnnotationFiles.OwnFootageLine("a.png", "dan", ["a man"], "train"),
            "{\"image\": \"a.png\", \"person_id\": \"erin\", \"captions\": [\"a woman\"",
            new JsonObject { ["image"] = "a.png", ["person_id"] = true, ["captions"] = new JsonArray("x"), ["split"] = "train" }.ToJsonString(),
            AnnotationFiles.OwnFootageLine("a.png", "fay", ["a girl"], "holdout"),
        ];
        var file = folder.PathOf("labels.jsonl");
        File.WriteAllLines(file, lines);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        Assert.Equal(
            [(DatasetProblemKind.MalformedJson, 1), (DatasetProblemKind.InvalidField, 2), (DatasetProblemKind.UnknownSplit, 3)],
            exception.Errors.Select(error => (error.Kind, error.RecordIndex!.Value)));
        Assert.Contains("line 2: malformed JSON", exception.Message);
        Assert.Contains("line 3: \"person_id\" is true", exception.Message);
        Assert.Contains("line 4: split \"holdout\"", exception.Message);
    }
}
