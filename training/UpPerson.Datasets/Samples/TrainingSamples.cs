namespace UpPerson.Datasets;

/// <summary>Builds the training sample list and its shuffled order.</summary>
public static class TrainingSamples
{
    /// <summary>Returns one sample per caption, in record order and then caption order, as UP-Person trains.</summary>
    public static TrainingSample[] OnePerCaption(IReadOnlyList<PersonImageRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        var samples = new List<TrainingSample>();
        for (var imageIndex = 0; imageIndex < records.Count; imageIndex++)
        {
            for (var captionIndex = 0; captionIndex < records[imageIndex].Captions.Count; captionIndex++)
            {
                samples.Add(new TrainingSample(imageIndex, captionIndex));
            }
        }

        return [.. samples];
    }

    /// <summary>Returns a shuffled copy (Fisher–Yates with <see cref="Random.Shuffle{T}(Span{T})"/>), leaving the input unchanged.</summary>
    public static TrainingSample[] Shuffled(IReadOnlyList<TrainingSample> samples, Random random)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(random);

        TrainingSample[] order = [.. samples];
        random.Shuffle(order);
        return order;
    }

    /// <summary>Returns a shuffled copy that depends only on <paramref name="seed"/>.</summary>
    /// <remarks>
    /// The order comes from <see cref="Random"/>'s seeded algorithm, so keep the .NET version fixed
    /// when an earlier order must be reproduced exactly.
    /// </remarks>
    public static TrainingSample[] Shuffled(IReadOnlyList<TrainingSample> samples, int seed) => Shuffled(samples, new Random(seed));

    /// <summary>Splits an order into consecutive batches; the last one is shorter unless <paramref name="dropLast"/> drops it.</summary>
    public static IEnumerable<ArraySegment<TrainingSample>> Batches(TrainingSample[] order, int batchSize, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        return Iterate();

        IEnumerable<ArraySegment<TrainingSample>> Iterate()
        {
            for (var start = 0; start < order.Length; start += batchSize)
            {
                var count = Math.Min(batchSize, order.Length - start);
                if (count < batchSize && dropLast)
                {
                    yield break;
                }

                yield return new ArraySegment<TrainingSample>(order, start, count);
            }
        }
    }
}
