using System.Text.Json.Nodes;

namespace UpPerson.Datasets.Tests;

public sealed class ValidationErrorTests
{
    [Fact]
    public void Load_MissingImage_NamesFileRecordAndFix()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("imgs/present.jpg"));
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"),
        [
            AnnotationFiles.RstpRecord(0, "present.jpg", ["a man", "a tall man"], "train"),
            AnnotationFiles.RstpRecord(1, "absent.jpg", ["a woman", "a short woman"], "train"),
        ]);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.MissingImages, error.Kind);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains(file, error.Message);
        Assert.Contains("1 of 2 image files do not exist", error.Message);
        Assert.Contains($"record 1: '{Path.Combine(folder.FullPath, "imgs", "absent.jpg")}'", error.Message);
        Assert.Contains("DatasetLoadOptions.ImageRoot", error.Message);
    }

    [Fact]
    public void Load_ManyMissingImages_ListsFirstTwentyAndTotal()
    {
        using var folder = new TempFolder();
        var records = Enumerable.Range(0, 25)
            .Select(index => (JsonNode)AnnotationFiles.RstpRecord(index, $"missing_{index:D2}.jpg", ["a person", "another caption"], "train"));
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"), records);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Contains("25 of 25 image files do not exist", error.Message);
        Assert.Contains("The first 20:", error.Message);
        Assert.Contains("missing_19.jpg", error.Message);
        Assert.DoesNotContain("missing_20.jpg", error.Message);
    }

    [Fact]
    public void Load_MissingSplit_NamesRecordAndField()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("imgs/a.jpg"));
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"),
        [
            AnnotationFiles.PedesRecord(0, "a.jpg", ["a man", "a tall man"], split: null, pathKey: "img_path"),
        ]);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.MissingField, error.Kind);
        Assert.Equal(0, error.RecordIndex);
        Assert.Contains($"'{file}' record 0: the record has no \"split\" field", error.Message);
        Assert.Contains("Add \"split\": with one of \"train\", \"val\", \"test\"", error.Message);
    }

    [Fact]
    public void Load_CuhkRecordWithoutSplitAmongSplitRecords_FailsForThatRecord()
    {
        using var folder = new TempFolder();
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["a.png", "b.png"]);
        var file = AnnotationFiles.WriteList(folder.PathOf("reid_raw.json"),
        [
            AnnotationFiles.PedesRecord(1, "a.png", ["a man"], "train"),
            AnnotationFiles.PedesRecord(2, "b.png", ["a woman"], split: null),
        ]);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.MissingField, error.Kind);
        Assert.Equal(1, error.RecordIndex);
    }

    [Fact]
    public void Load_RecordsWithoutCaptions_ReportsEachRecord()
    {
        using var folder = new TempFolder();
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]);
        var notAList = AnnotationFiles.RstpRecord(2, "c.jpg", ["x"], "train");
        notAList["captions"] = "a man in a coat";
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"),
        [
            AnnotationFiles.PedesRecord(0, "a.jpg", captions: null, "train", pathKey: "img_path"),
            AnnotationFiles.RstpRecord(1, "b.jpg", [], "train"),
            notAList,
            AnnotationFiles.RstpRecord(3, "d.jpg", ["a fine caption"], "train"),
        ]);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        Assert.Equal(
            [(DatasetProblemKind.MissingCaptions, 0), (DatasetProblemKind.MissingCaptions, 1), (DatasetProblemKind.CaptionsNotAList, 2)],
            exception.Errors.Take(3).Select(error => (error.Kind, error.RecordIndex!.Value)));
        Assert.Contains("record 0: the record has no \"captions\" field", exception.Message);
        Assert.Contains("record 1: \"captions\" is an empty list", exception.Message);
        Assert.Contains("record 2: \"captions\" is a string (\"a man in a coat\"), not a list", exception.Message);
    }

    [Fact]
    public void Load_GapInTrainIds_NamesFirstMissingId()
    {
        using var folder = new TempFolder();
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["a.jpg", "b.jpg", "c.jpg"]);
        var file = AnnotationFiles.WriteList(folder.PathOf("ICFG-PEDES.json"),
        [
            AnnotationFiles.PedesRecord(0, "a.jpg", ["a man"], "train"),
            AnnotationFiles.PedesRecord(2, "b.jpg", ["a woman"], "train"),
            AnnotationFiles.PedesRecord(3, "c.jpg", ["a child"], "train"),
        ]);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.NonContiguousTrainIds, error.Kind);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains("id 1 (written 1) is missing", error.Message);
        Assert.Contains("first id after the gap is 2 at record 1", error.Message);
        Assert.Contains("Renumber the train ids", error.Message);
    }

    [Fact]
    public void Load_CuhkTrainIdsNotFromOne_ReportsWrittenId()
    {
        using var folder = new TempFolder();
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["a.png", "b.png"]);
        var file = AnnotationFiles.WriteList(folder.PathOf("reid_raw.json"),
        [
            AnnotationFiles.PedesRecord(2, "a.png", ["a man"], "train"),
            AnnotationFiles.PedesRecord(3, "b.png", ["a woman"], "train"),
        ]);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.NonContiguousTrainIds, error.Kind);
        Assert.Contains("id 0 (written 1) is missing", error.Message);
        Assert.Contains("ids start at 1", error.Message);
    }

    [Fact]
    public void Load_UnknownSplit_NamesValueAndAllowedValues()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("imgs/a.jpg"));
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"),
        [
            AnnotationFiles.RstpRecord(0, "a.jpg", ["a man", "a tall man"], "validation"),
        ]);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.UnknownSplit, error.Kind);
        Assert.Contains("record 0: split \"validation\" is not one of \"train\", \"val\", \"test\"", error.Message);
        Assert.Contains("Correct the value", error.Message);
    }

    [Fact]
    public void Load_TruncatedJson_NamesRecordLineAndFix()
    {
        using var folder = new TempFolder();
        var file = folder.PathOf("reid_raw.json");
        File.WriteAllText(file, "[\n{\"id\": 1, \"file_path\": \"a.png\", \"captions\": [\"a man\"], \"split\": \"train\"},\n{\"id\": 2, \"file_path\": \"b.png\", \"capt");

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.MalformedJson, error.Kind);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains($"'{file}': malformed JSON in record 1 at line 3", error.Message);
        Assert.Contains("copied completely", error.Message);
    }

    [Fact]
    public void Load_TopLevelObject_FailsAsNotAList()
    {
        using var folder = new TempFolder();
        var file = folder.PathOf("reid_raw.json");
        File.WriteAllText(file, "{\"images\": []}");

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.MalformedJson, error.Kind);
        Assert.Contains("the top level is an object", error.Message);
    }

    [Theory]
    [InlineData("reid_raw.json", "")]
    [InlineData("reid_raw.json", "  \n")]
    [InlineData("data_captions.json", "[]")]
    [InlineData("labels.jsonl", "\n\n")]
    public void Load_EmptyFile_FailsAsEmpty(string fileName, string content)
    {
        using var folder = new TempFolder();
        var file = folder.PathOf(fileName);
        File.WriteAllText(file, content);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.EmptyFile, error.Kind);
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsAllAtOnce()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("imgs/a.jpg"));
        var badId = AnnotationFiles.RstpRecord(0, "a.jpg", ["a man", "a tall man"], "train");
        badId["id"] = "zero";
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"),
        [
            badId,
            AnnotationFiles.RstpRecord(0, "gone.jpg", ["a woman", "a short woman"], "train"),
            AnnotationFiles.RstpRecord(1, "a.jpg", ["a child", "a small child"], "later"),
            new JsonArray(1, 2),
        ]);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        Assert.Equal(
            [DatasetProblemKind.InvalidField, DatasetProblemKind.MalformedJson, DatasetProblemKind.UnknownSplit, DatasetProblemKind.MissingImages],
            exception.Errors.Select(error => error.Kind));
        Assert.Contains("record 0: \"id\" is \"zero\", not an integer", exception.Message);
        Assert.Contains("record 3: the record is a list", exception.Message);
        Assert.Contains("record 2: split \"later\"", exception.Message);
        Assert.Contains("gone.jpg", exception.Message);
    }

    [Fact]
    public void Load_MissingAnnotationFile_ThrowsFileNotFound()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.FullPath, "reid_raw.json");

        var exception = Assert.Throws<FileNotFoundException>(() => PersonDatasetLoader.Load(file));

        Assert.Contains(file, exception.Message);
    }
}
