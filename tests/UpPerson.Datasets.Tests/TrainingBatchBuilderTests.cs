using System.Text.Json.Nodes;
using UpPerson.Tokenization;

namespace UpPerson.Datasets.Tests;

public sealed class TrainingBatchBuilderTests
{
    private static readonly ImageInputSpec SmallInput = new(24, 16, ImageInputSpec.ClipMean, ImageInputSpec.ClipStd);

    [Fact]
    public void Build_ThreeSamples_FillsImagesTokensAndIds()
    {
        using var folder = new TempFolder();
        var dataset = LoadDataset(folder);
        var train = dataset.Records(DatasetSplit.Train);
        var tokenizer = ClipTokenizer.CreateDefault();
        var builder = new TrainingBatchBuilder(train, new TrainingImageTransform(new TrainingImageTransformOptions { Input = SmallInput }), tokenizer, textMasker: null);
        var samples = TrainingSamples.OnePerCaption(train);
        TrainingSample[] chosen = [samples[3], samples[0], samples[1]];

        var batch = builder.Build(chosen, new Random(3));

        Assert.Equal(3, batch.Count);
        Assert.Equal(3 * 3 * 24 * 16, batch.Images.Length);
        Assert.Equal(3 * 77, batch.TokenIds.Length);
        Assert.Equal([1L, 0L, 0L], batch.PersonIds);
        for (var row = 0; row < 3; row++)
        {
            var caption = train[chosen[row].ImageIndex].Captions[chosen[row].CaptionIndex];
            Assert.Equal(tokenizer.EncodeForModel(caption).Ids, batch.TokenIds.AsSpan(row * 77, 77).ToArray());
        }
    }

    [Fact]
    public void Build_SameSeed_ReproducesBatchWithMasking()
    {
        using var folder = new TempFolder();
        var train = LoadDataset(folder).Records(DatasetSplit.Train);
        var builder = new TrainingBatchBuilder(
            train,
            new TrainingImageTransform(new TrainingImageTransformOptions { Input = SmallInput }),
            ClipTokenizer.CreateDefault(),
            new TextTokenMasker());
        var samples = TrainingSamples.OnePerCaption(train);

        var first = builder.Build(samples, new Random(21));
        var second = builder.Build(samples, new Random(21));
        var other = builder.Build(samples, new Random(22));

        Assert.Equal(first.Images, second.Images);
        Assert.Equal(first.TokenIds, second.TokenIds);
        Assert.NotEqual(first.Images, other.Images);
        Assert.NotEqual(first.TokenIds, other.TokenIds);
        Assert.Contains(first.TokenIds, id => id == ClipTokenizer.MaskId);
        for (var row = 0; row < samples.Length; row++)
        {
            Assert.Equal(ClipTokenizer.StartOfTextId, first.TokenIds[row * 77]);
        }
    }

    [Fact]
    public void Build_GrayscaleAndAlphaImages_DecodeToThreeChannels()
    {
        using var folder = new TempFolder();
        TestImages.WriteGray(folder.PathOf("imgs/gray.png"), 90);
        TestImages.WriteGray(folder.PathOf("imgs/gray.jpg"), 90);
        TestImages.WriteOpaqueBgra(folder.PathOf("imgs/alpha.png"), 90, 90, 90);
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"),
        [
            AnnotationFiles.RstpRecord(0, "gray.png", ["a man", "a man in grey"], "train"),
            AnnotationFiles.RstpRecord(1, "gray.jpg", ["a woman", "a woman in grey"], "train"),
            AnnotationFiles.RstpRecord(2, "alpha.png", ["a child", "a child in grey"], "train"),
        ]);
        var train = PersonDatasetLoader.Load(file).Records(DatasetSplit.Train);
        var transform = new TrainingImageTransform(new TrainingImageTransformOptions
        {
            Input = SmallInput,
            FlipProbability = 0,
            PaddingPixels = 0,
            ErasingProbability = 0,
        });
        var builder = new TrainingBatchBuilder(train, transform, ClipTokenizer.CreateDefault(), textMasker: null);

        var batch = builder.Build([new(0, 0), new(1, 0), new(2, 0)], new Random(1));

        // Gray level 90 in all three channels, normalised per channel; JPEG may move it by a level or two.
        const int plane = 24 * 16;
        for (var row = 0; row < 3; row++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                var expected = ((90 / 255.0) - ImageInputSpec.ClipMean[channel]) / ImageInputSpec.ClipStd[channel];
                var value = batch.Images[(row * 3 * plane) + (channel * plane) + 100];
                Assert.True(Math.Abs(value - expected) <= 2 / 255.0 / ImageInputSpec.ClipStd[channel], $"image {row}, channel {channel}: {value} vs {expected}");
            }
        }
    }

    [Fact]
    public void Build_SampleOutsideRecords_ThrowsNamingIndexes()
    {
        using var folder = new TempFolder();
        var train = LoadDataset(folder).Records(DatasetSplit.Train);
        var builder = new TrainingBatchBuilder(train, new TrainingImageTransform(new TrainingImageTransformOptions { Input = SmallInput }), ClipTokenizer.CreateDefault(), null);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build([new(0, 5)], new Random(1)));

        Assert.Contains("Sample 0 points to caption 5 of image 0, which has 2", exception.Message);
    }

    private static PersonDataset LoadDataset(TempFolder folder)
    {
        AnnotationFiles.WriteImages(folder.PathOf("imgs"), ["a.png", "b.jpg"]);
        JsonNode[] records =
        [
            AnnotationFiles.RstpRecord(0, "a.png", ["a man in a red coat", "red coat and black shoes"], "train"),
            AnnotationFiles.RstpRecord(1, "b.jpg", ["a woman with a blue umbrella", "blue umbrella, white dress"], "train"),
        ];
        var file = AnnotationFiles.WriteList(folder.PathOf("data_captions.json"), records);
        return PersonDatasetLoader.Load(file);
    }
}
