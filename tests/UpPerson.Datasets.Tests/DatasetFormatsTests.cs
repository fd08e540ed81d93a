namespace UpPerson.Datasets.Tests;

public sealed class DatasetFormatsTests
{
    [Theory]
    [InlineData("/data/CUHK-PEDES/reid_raw.json", DatasetFormat.CuhkPedes)]
    [InlineData("caption_all.json", DatasetFormat.CuhkPedes)]
    [InlineData("ICFG-PEDES.json", DatasetFormat.IcfgPedes)]
    [InlineData("icfg_pedes.json", DatasetFormat.IcfgPedes)]
    [InlineData("data_captions.json", DatasetFormat.RstpReid)]
    [InlineData("/footage/labels.JSONL", DatasetFormat.OwnFootage)]
    public void Detect_KnownFileName_ReturnsFormat(string path, DatasetFormat expected)
    {
        Assert.Equal(expected, DatasetFormats.Detect(path));
    }

    [Fact]
    public void Detect_UnknownFileName_ThrowsListingNamesAndFix()
    {
        var exception = Assert.Throws<ArgumentException>(() => DatasetFormats.Detect("/data/annotations.json"));

        Assert.Contains("'/data/annotations.json'", exception.Message);
        Assert.Contains("reid_raw.json", exception.Message);
        Assert.Contains("pass the format explicitly", exception.Message);
    }

    [Theory]
    [InlineData("cuhk-pedes", DatasetFormat.CuhkPedes)]
    [InlineData("ICFG-PEDES", DatasetFormat.IcfgPedes)]
    [InlineData("rstpreid", DatasetFormat.RstpReid)]
    [InlineData("own-footage", DatasetFormat.OwnFootage)]
    public void Parse_CommandLineName_ReturnsFormat(string name, DatasetFormat expected)
    {
        Assert.Equal(expected, DatasetFormats.Parse(name));
        Assert.Equal(expected, DatasetFormats.Parse(expected.CommandLineName()));
    }

    [Fact]
    public void Parse_UnknownName_ThrowsListingNames()
    {
        var exception = Assert.Throws<ArgumentException>(() => DatasetFormats.Parse("market1501"));

        Assert.Contains("'market1501'", exception.Message);
        Assert.Contains("cuhk-pedes, icfg-pedes, rstpreid, own-footage", exception.Message);
    }
}
