using System.Text.Json.Nodes;

namespace UpPerson.Datasets.Tests;

public sealed class IcfgPedesLoaderTests
{
    [Fact]
    public void Load_FolderUnlikeSplit_TrustsSplitField()
    {
        using var folder = new TempFolder();
        JsonNode[] records =
        [
            AnnotationFiles.PedesRecord(0, "test/0000/0000_c1_01.jpg", ["a man in a green jacket"], "train"),
            AnnotationFiles.PedesRecord(1, "test/0001/0001_c2_01.jpg", ["a woman in a long skirt"], "train"),
            AnnotationFiles.PedesRecord(1, "train/0001/0001_c3_02.jpg", ["the woman holds a phone"], "train"),
            AnnotationFiles.PedesRecord(3000, "train/3000/3000_c4_01.jpg", ["a boy with a backpack"], "test"),
        ];
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), records.Select(record => record!["file_path"]!.GetValue<string>()));
        var file = AnnotationFiles.WriteList(folder.PathOf("ICFG-PEDES.json"), records);

        var dataset = PersonDatasetLoader.Load(file);

        Assert.Equal(DatasetFormat.IcfgPedes, dataset.Format);
        var train = dataset.Records(DatasetSplit.Train);
        Assert.Equal(3, train.Count);
        Assert.Equal([0, 1, 1], train.Select(record => record.PersonId));
        Assert.Equal(Path.Combine(folder.FullPath, "imgs", "test", "0000", "0000_c1_01.jpg"), train[0].ImagePath);
        var test = Assert.Single(dataset.Records(DatasetSplit.Test));
        Assert.Equal(3000, test.PersonId);
        Assert.Equal(Path.Combine(folder.FullPath, "imgs", "train", "3000", "3000_c4_01.jpg"), test.ImagePath);
        Assert.Empty(dataset.Records(DatasetSplit.Val));
        Assert.Equal(["a boy with a backpack"], test.Captions);
    }

    [Fact]
    public void Load_ValSplit_FailsBecauseIcfgHasNone()
    {
        using var folder = new TempFolder();
        JsonNode[] records =
        [
            AnnotationFiles.PedesRecord(0, "train/a.jpg", ["a man"], "train"),
            AnnotationFiles.PedesRecord(1, "train/b.jpg", ["a woman"], "val"),
        ];
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["train/a.jpg", "train/b.jpg"]);
        var file = AnnotationFiles.WriteList(folder.PathOf("ICFG_PEDES.json"), records);

        var exception = Assert.Throws<DatasetValidationException>(() => PersonDatasetLoader.Load(file));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(DatasetProblemKind.UnknownSplit, error.Kind);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains("record 1", error.Message);
        Assert.Contains("ICFG-PEDES has no val split", error.Message);
    }
}
