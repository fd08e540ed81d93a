using System.Text.Json.Nodes;

namespace UpPerson.Datasets.Tests;

public sealed class RstpReidLoaderTests
{
    [Fact]
    public void Load_DataCaptions_ReadsImgPathUnderFlatImgsFolder()
    {
        using var folder = new TempFolder();
        JsonNode[] records =
        [
            AnnotationFiles.RstpRecord(0, "0000_c14_0007.jpg", ["a man in a white shirt", "white shirt, dark jeans"], "train"),
            AnnotationFiles.RstpRecord(0, "0000_c3_0010.jpg", ["the man carries a bag", "bag on the left shoulder"], "train"),
            AnnotationFiles.RstpRecord(1, "0001_c1_0001.jpg", ["a woman in a red dress", "red dress and sandals"], "train"),
            AnnotationFiles.RstpRecord(3701, "3701_c2_0002.jpg", ["a man on a bicycle", "bicycle and helmet"], "val"),
            AnnotationFiles.RstpRecord(3901, "3901_c5_0003.jpg", ["a girl with long hair", "long black hair"], "test"),
        ];
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), records.Select(record => record!["img_path"]!.GetValue<string>()));
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"), records);

        var dataset = PersonDatasetLoader.Load(file);

        Assert.Equal(DatasetFormat.RstpReid, dataset.Format);
        var train = dataset.Records(DatasetSplit.Train);
        Assert.Equal([0, 0, 1], train.Select(record => record.PersonId));
        Assert.Equal(Path.Combine(folder.FullPath, "imgs", "0000_c14_0007.jpg"), train[0].ImagePath);
        Assert.All(train, record => Assert.Equal(2, record.Captions.Count));
        Assert.Equal(3701, Assert.Single(dataset.Records(DatasetSplit.Val)).PersonId);
        Assert.Equal(3901, Assert.Single(dataset.Records(DatasetSplit.Test)).PersonId);
        Assert.Equal(new SplitCounts(2, 3, 6), dataset.Statistics.For(DatasetSplit.Train));
        Assert.Equal(new SplitCounts(4, 5, 10), dataset.Statistics.Total);
    }

    [Fact]
    public void Load_ExplicitFormatAndImageRoot_OverrideDetection()
    {
        using var folder = new TempFolder();
        var imageRoot = folder.PathOf("elsewhere/pictures");
        TestImages.WriteSolid(Path.Combine(imageRoot, "a.jpg"));
        var file = AnnotationFiles.WriteList(folder.PathOf("renamed.json"), [AnnotationFiles.RstpRecord(0, "a.jpg", ["a man", "a tall man"], "train")]);

        var dataset = PersonDatasetLoader.Load(file, new DatasetLoadOptions { Format = DatasetFormat.RstpReid, ImageRoot = imageRoot });

        Assert.Equal(DatasetFormat.RstpReid, dataset.Format);
        Assert.Equal(imageRoot, dataset.ImageRoot);
        Assert.Equal(Path.Combine(imageRoot, "a.jpg"), Assert.Single(dataset.Records(DatasetSplit.Train)).ImagePath);
    }
}
