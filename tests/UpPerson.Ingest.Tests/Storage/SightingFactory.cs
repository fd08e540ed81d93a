using UpPerson.Contracts;

namespace UpPerson.Ingest.Tests.Storage;

/// <summary>Builds deterministic sightings and unit vectors for store tests.</summary>
internal static class SightingFactory
{
    public static readonly DateTimeOffset BaseTime = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    public static Sighting Create(string cameraId, int second, float[] embedding, string modelId = "model-a", long trackId = 7)
    {
        var timestamp = BaseTime.AddSeconds(second);
        var box = new BoundingBox(10 + second % 50, 20, 40, 90);
        return new Sighting(
            SightingId.Create(cameraId, timestamp, box),
            cameraId,
            timestamp,
            FrameIndex: second * 10L,
            box,
            trackId,
            DetectionScore: 0.9f,
            CropPath: $"crops/{cameraId}/{second}.jpg",
            modelId,
            embedding);
    }

    /// <summary>Gaussian vectors scaled to unit L2 norm, reproducible from the seed.</summary>
    public static float[][] RandomUnitVectors(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var values = new double[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                // Box-Muller transform. Using 1 - NextDouble() keeps the logarithm's argument above zero.
                values[d] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            }

            vectors[i] = Normalize(values);
        }

        return vectors;
    }

    public static float[] Normalize(params double[] values)
    {
        var norm = Math.Sqrt(values.Sum(value => value * value));
        return values.Select(value => (float)(value / norm)).ToArray();
    }

    /// <summary>Reference top K by cosine over all given sightings, in the store's documented order.</summary>
    public static IReadOnlyList<(string Id, double Score)> BruteForceTopK(IEnumerable<Sighting> sightings, float[] query, int topK) =>
        sightings
            .Select(sighting => (sighting.Id, Score: Cosine(query, sighting.Embedding)))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Id, StringComparer.Ordinal)
            .Take(topK)
            .ToList();

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(normA * normB);
    }
}
