namespace UpPerson.Datasets.Tests;

public sealed class TrainingSamplesTests
{
    [Fact]
    public void OnePerCaption_Records_ListsEveryCaptionInOrder()
    {
        PersonImageRecord[] records =
        [
            Record(0, "a", "b"),
            Record(1, "c"),
            Record(1, "d", "e", "f"),
        ];

        var samples = TrainingSamples.OnePerCaption(records);

        Assert.Equal(
            [new(0, 0), new(0, 1), new(1, 0), new(2, 0), new(2, 1), new(2, 2)],
            samples);
    }

    [Fact]
    public void Shuffled_SameSeed_GivesSamePermutation()
    {
        var samples = Enumerable.Range(0, 200).Select(index => new TrainingSample(index, 0)).ToArray();
        var original = samples.ToArray();

        var first = TrainingSamples.Shuffled(samples, seed: 17);
        var second = TrainingSamples.Shuffled(samples, seed: 17);
        var other = TrainingSamples.Shuffled(samples, seed: 18);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.NotEqual(original, first);
        Assert.Equal(original, first.OrderBy(sample => sample.ImageIndex));
        Assert.Equal(original, samples);
    }

    [Fact]
    public void Batches_TenSamplesOfFour_SplitsWithShortLastBatch()
    {
        var order = Enumerable.Range(0, 10).Select(index => new TrainingSample(index, 0)).ToArray();

        Assert.Equal([4, 4, 2], TrainingSamples.Batches(order, 4).Select(batch => batch.Count));
        Assert.Equal([4, 4], TrainingSamples.Batches(order, 4, dropLast: true).Select(batch => batch.Count));
        Assert.Equal(order.Skip(8), TrainingSamples.Batches(order, 4).Last());
    }

    private static PersonImageRecord Record(int personId, params string[] captions) =>
        new($"/images/{personId}.jpg", personId, personId.ToString(), captions, DatasetSplit.Train, RecordIndex: 0);
}
