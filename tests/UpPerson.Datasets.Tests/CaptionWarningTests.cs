using System.Text.Json.Nodes;

namespace UpPerson.Datasets.Tests;

public sealed class CaptionWarningTests
{
    private static readonly string LongCaption = string.Join(' ', Enumerable.Repeat("a tall man in a dark blue coat", 12));

    [Fact]
    public void Load_OddCaptions_KeepsThemAndReportsEachKind()
    {
        using var folder = new TempFolder();
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]);
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"),
        [
            AnnotationFiles.RstpRecord(0, "a.jpg", ["a man in a red coat", "   "], "train"),
            AnnotationFiles.RstpRecord(1, "b.jpg", ["穿红色外套的女人", "A man in a  RED coat"], "train"),
            AnnotationFiles.RstpRecord(2, "c.jpg", [LongCaption, "a boy"], "train"),
            AnnotationFiles.RstpRecord(3, "d.jpg", ["an old woman", "an old woman"], "test"),
        ]);

        var dataset = PersonDatasetLoader.Load(file);

        var train = dataset.Records(DatasetSplit.Train);
        Assert.Equal("   ", train[0].Captions[1]);
        Assert.Equal("穿红色外套的女人", train[1].Captions[0]);
        Assert.Equal(LongCaption, train[2].Captions[0]);
        Assert.Equal(8, dataset.Statistics.Total.Captions);

        var empty = Assert.Single(dataset.Warnings, warning => warning.Kind == DatasetProblemKind.EmptyCaption);
        Assert.Contains("1 caption(s) are empty or whitespace only, for example record 0 caption 1", empty.Message);
        Assert.Equal(0, empty.RecordIndex);

        var nonLatin = Assert.Single(dataset.Warnings, warning => warning.Kind == DatasetProblemKind.NonLatinCaption);
        Assert.Contains("1 caption(s) contain letters outside the Latin script, for example record 1 caption 0", nonLatin.Message);
        Assert.Contains("U+7A7F", nonLatin.Message);

        // "an old woman" twice for one person is not shared; the red coat text differs only in case and spacing.
        var shared = Assert.Single(dataset.Warnings, warning => warning.Kind == DatasetProblemKind.SharedCaption);
        Assert.Contains("1 caption text(s) describe more than one person (2 captions in all", shared.Message);
        Assert.Contains("train id 0, train id 1", shared.Message);

        var truncated = Assert.Single(dataset.Warnings, warning => warning.Kind == DatasetProblemKind.TruncatedCaption);
        Assert.Contains("1 caption(s) are longer than 77 tokens", truncated.Message);
        Assert.Contains("record 2 caption 0 (98 tokens)", truncated.Message);
        Assert.All(dataset.Warnings, warning => Assert.Equal(DatasetProblemSeverity.Warning, warning.Severity));
    }

    [Fact]
    public void Load_ExampleLimit_QuotesAtMostThatMany()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("imgs/a.jpg"));
        var records = Enumerable.Range(0, 8)
            .Select(id => (JsonNode)AnnotationFiles.RstpRecord(id, "a.jpg", [" ", $"person {id}"], "train"));
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"), records);

        var dataset = PersonDatasetLoader.Load(file, new DatasetLoadOptions { ExamplesPerWarning = 2 });

        var empty = Assert.Single(dataset.Warnings, warning => warning.Kind == DatasetProblemKind.EmptyCaption);
        Assert.Contains("8 caption(s) are empty", empty.Message);
        Assert.Contains("record 1 caption 0", empty.Message);
        Assert.DoesNotContain("record 2 caption 0", empty.Message);
    }
}
