using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace UpPerson.Datasets.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public void ToTable_SmallDataset_ListsCountsPerSplitAndTotal()
    {
        using var folder = new TempFolder();
        var file = WriteSmallRstpReid(folder);

        var dataset = PersonDatasetLoader.Load(file);

        var lines = dataset.Statistics.ToTable().Split(Environment.NewLine);
        Assert.Equal(5, lines.Length);
        Assert.Equal(["split", "ids", "images", "captions"], Cells(lines[0]));
        Assert.Equal(["train", "2", "3", "6"], Cells(lines[1]));
        Assert.Equal(["val", "1", "1", "2"], Cells(lines[2]));
        Assert.Equal(["test", "0", "0", "0"], Cells(lines[3]));
        Assert.Equal(["total", "3", "4", "8"], Cells(lines[4]));
    }

    [Fact]
    public void Load_CountsUnlikePublished_OneWarningListsEachNumber()
    {
        using var folder = new TempFolder();
        var file = WriteSmallRstpReid(folder);

        var dataset = PersonDatasetLoader.Load(file);

        var messages = dataset.Warnings
            .Where(warning => warning.Kind == DatasetProblemKind.PublishedCountMismatch)
            .Select(warning => warning.Message)
            .ToList();

        // 3 numbers for each of the 3 splits and the whole dataset, all different from the published ones, in one warning.
        var message = Assert.Single(messages);
        Assert.Contains("train split 2 ids (3,701 published)", message);
        Assert.Contains("whole dataset 3 ids (4,101 published), 4 images (20,505 published)", message);
        Assert.Contains("test split 0 ids (200 published), 0 images (1,000 published), 0 captions (2,000 published)", message);
        Assert.Equal(12, message.Split("published)").Length - 1);
        Assert.Contains("RSTPReid dataset README", message);
    }

    [Fact]
    public void Load_IcfgWithoutVal_DoesNotWarnAboutVal()
    {
        using var folder = new TempFolder();
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["a.jpg", "b.jpg"]);
        var file = AnnotationFiles.WriteList(folder.PathOf("ICFG-PEDES.json"),
        [
            AnnotationFiles.PedesRecord(0, "a.jpg", ["a man"], "train"),
            AnnotationFiles.PedesRecord(1, "b.jpg", ["a woman"], "test"),
        ]);

        var dataset = PersonDatasetLoader.Load(file);

        var messages = dataset.Warnings.Where(warning => warning.Kind == DatasetProblemKind.PublishedCountMismatch).Select(warning => warning.Message).ToList();
        Assert.DoesNotContain(messages, message => message.Contains("val split"));
        Assert.Contains(messages, message => message.Contains("train split 1 ids (3,102 published)"));
        Assert.Contains(messages, message => message.Contains("2 captions (54,522 published)"));
    }

    [Fact]
    public void Load_WithLogger_LogsStatisticsTableAndWarnings()
    {
        using var folder = new TempFolder();
        var file = WriteSmallRstpReid(folder);
        var logger = new ListLogger();

        var dataset = PersonDatasetLoader.Load(file, logger: logger);

        var statistics = Assert.Single(logger.Entries, entry => entry.EventId == 5002);
        Assert.Contains(dataset.Statistics.ToTable(), statistics.Message);
        var loaded = Assert.Single(logger.Entries, entry => entry.EventId == 5001);
        Assert.Contains("4 images, 8 captions, 3 ids", loaded.Message);
        var warnings = logger.Entries.Where(entry => entry.EventId == 5003).ToList();
        Assert.Equal(dataset.Warnings.Count, warnings.Count);
        Assert.All(warnings, entry => Assert.Equal(LogLevel.Warning, entry.Level));
    }

    [Fact]
    public void Format_LoadedDataset_WritesHeaderTableAndWarnings()
    {
        using var folder = new TempFolder();
        var file = WriteSmallRstpReid(folder);
        var dataset = PersonDatasetLoader.Load(file);

        var report = DatasetReport.Format(dataset);

        Assert.StartsWith($"RSTPReid from '{file}'", report);
        Assert.Contains(dataset.Statistics.ToTable(), report);
        Assert.Contains($"{dataset.Warnings.Count} warning(s)", report);
        Assert.Contains(dataset.Warnings[0].Message, report);
    }

    private static string WriteSmallRstpReid(TempFolder folder)
    {
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]);
        JsonNode[] records =
        [
            AnnotationFiles.RstpRecord(0, "a.jpg", ["a man in black", "black jacket"], "train"),
            AnnotationFiles.RstpRecord(0, "b.jpg", ["the man again", "black jacket, jeans"], "train"),
            AnnotationFiles.RstpRecord(1, "c.jpg", ["a woman in white", "white dress"], "train"),
            AnnotationFiles.RstpRecord(3701, "d.jpg", ["a cyclist", "helmet and bike"], "val"),
        ];
        return AnnotationFiles.WriteList(folder.PathOf("data_captions.json"), records);
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
