using System.Text.Json.Nodes;

namespace UpPerson.Datasets.Tests;

public sealed class CuhkPedesLoaderTests
{
    [Fact]
    public void Load_ReidRaw_ReadsSplitsIdsPathsAndCaptions()
    {
        using var folder = new TempFolder();
        JsonNode[] records =
        [
            AnnotationFiles.PedesRecord(1, "CUHK01/0001.png", ["a man in a red coat", "red coat, black trousers"], "train"),
            AnnotationFiles.PedesRecord(1, "CUHK01/0002.png", ["the man walks left"], "train"),
            AnnotationFiles.PedesRecord(2, "cam_a/0003.jpg", ["a woman with a blue bag", "blue bag and white shoes"], "train"),
            AnnotationFiles.PedesRecord(3, "cam_b/0004.png", ["a child in a yellow hat", "yellow hat"], "val"),
            AnnotationFiles.PedesRecord(4, "test_query/0005.png", ["an old man with a cane", "grey coat and a cane"], "test"),
        ];
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["CUHK01/0001.png", "CUHK01/0002.png", "cam_a/0003.jpg", "cam_b/0004.png", "test_query/0005.png"]);
        var file = AnnotationFiles.WriteList(folder.PathOf("reid_raw.json"), records);

        var dataset = PersonDatasetLoader.Load(file);

        Assert.Equal(DatasetFormat.CuhkPedes, dataset.Format);
        Assert.Equal("CUHK-PEDES", dataset.FormatName);
        Assert.Equal(file, dataset.AnnotationFile);
        Assert.Equal(Path.Combine(folder.FullPath, "imgs"), dataset.ImageRoot);

        var train = dataset.Records(DatasetSplit.Train);
        Assert.Equal(3, train.Count);
        Assert.Equal([0, 0, 1], train.Select(record => record.PersonId));
        Assert.Equal(["1", "1", "2"], train.Select(record => record.OriginalPersonId));
        Assert.Equal(Path.Combine(folder.FullPath, "imgs", "CUHK01", "0001.png"), train[0].ImagePath);
        Assert.All(train, record => Assert.True(Path.IsPathRooted(record.ImagePath), record.ImagePath));
        Assert.Equal(["a man in a red coat", "red coat, black trousers"], train[0].Captions);
        Assert.Equal([0, 1, 2], train.Select(record => record.RecordIndex));
        Assert.Equal(2, dataset.TrainIdCount);

        var val = Assert.Single(dataset.Records(DatasetSplit.Val));
        Assert.Equal(2, val.PersonId);
        Assert.Equal(DatasetSplit.Val, val.Split);
        var test = Assert.Single(dataset.Records(DatasetSplit.Test));
        Assert.Equal(3, test.PersonId);
        Assert.Equal("4", test.OriginalPersonId);

        Assert.Equal(new SplitCounts(2, 3, 5), dataset.Statistics.For(DatasetSplit.Train));
        Assert.Equal(new SplitCounts(1, 1, 2), dataset.Statistics.For(DatasetSplit.Val));
        Assert.Equal(new SplitCounts(4, 5, 9), dataset.Statistics.Total);
    }

    [Fact]
    public void Load_CaptionAllWithoutSplit_AssignsPublishedIdCountsInIdOrder()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("imgs/shared.png"));

        // Ids in descending order, so the assignment has to sort them.
        var records = Enumerable.Range(1, 13_003)
            .Reverse()
            .Select(id => (JsonNode)AnnotationFiles.PedesRecord(id, "shared.png", [$"person number {id} in a coat"], split: null))
            .ToList();
        var file = AnnotationFiles.WriteList(folder.PathOf("caption_all.json"), records);

        var dataset = PersonDatasetLoader.Load(file);

        var train = dataset.Records(DatasetSplit.Train);
        var val = dataset.Records(DatasetSplit.Val);
        var test = dataset.Records(DatasetSplit.Test);
        Assert.Equal(11_003, train.Count);
        Assert.Equal(1_000, val.Count);
        Assert.Equal(1_000, test.Count);
        Assert.Equal(Enumerable.Range(0, 11_003), train.Select(record => record.PersonId).Order());
        Assert.Equal(Enumerable.Range(11_004, 1_000).Select(id => id.ToString()), val.Select(record => record.OriginalPersonId).OrderBy(int.Parse));
        Assert.Equal(Enumerable.Range(12_004, 1_000).Select(id => id.ToString()), test.Select(record => record.OriginalPersonId).OrderBy(int.Parse));

        var warning = Assert.Single(dataset.Warnings, problem => problem.Kind == DatasetProblemKind.SplitsAssumed);
        Assert.Contains("caption_all.json", warning.Message);
        Assert.Contains("first 11,003 ids are train", warning.Message);
    }

    [Fact]
    public void Load_CaptionAllWithOtherIdCount_FailsNamingCountsAndFix()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("imgs/shared.png"));
        var records = Enumerable.Range(1, 5)
            .Select(id => (JsonNode)AnnotationFiles.PedesRecord(id, "shared.png", [$"person {id}"], split: null));
        var file = AnnotationFiles.WriteList(folder.PathOf("caption_all.json"), records);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.SplitAssignmentFailed, error.Kind);
        Assert.Contains(file, error.Message);
        Assert.Contains("5 distinct ids instead of 13,003", error.Message);
        Assert.Contains("UnsplitCuhkPedesIdCounts", error.Message);
    }

    [Fact]
    public void Load_CaptionAllWithCustomIdCounts_SplitsSmallFile()
    {
        using var folder = new TempFolder();
        TestImages.WriteSolid(folder.PathOf("imgs/shared.png"));
        var records = new[] { 5, 1, 4, 2, 3 }
            .Select(id => (JsonNode)AnnotationFiles.PedesRecord(id, "shared.png", [$"person {id}"], split: null));
        var file = AnnotationFiles.WriteList(folder.PathOf("caption_all.json"), records);

        var dataset = PersonDatasetLoader.Load(file, new DatasetLoadOptions { UnsplitCuhkPedesIdCounts = new SplitIdCounts(3, 1, 1) });

        Assert.Equal(["1", "2", "3"], dataset.Records(DatasetSplit.Train).Select(record => record.OriginalPersonId).Order());
        Assert.Equal("4", Assert.Single(dataset.Records(DatasetSplit.Val)).OriginalPersonId);
        Assert.Equal("5", Assert.Single(dataset.Records(DatasetSplit.Test)).OriginalPersonId);
    }
}
