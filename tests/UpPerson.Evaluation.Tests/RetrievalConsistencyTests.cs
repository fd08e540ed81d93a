using UpPerson.Evaluation;

namespace UpPerson.Evaluation.Tests;

/// <summary>
/// Random embeddings evaluated through every entry point must give the same metrics, and the
/// ranking must agree with a plain stable sort of each row.
/// </summary>
public sealed class RetrievalConsistencyTests
{
    private const int Dimension = 16;

    [Fact]
    public void EvaluateEmbeddings_RandomSet_MatchesMatrixAndAccumulator()
    {
        var (captions, captionIds, images, imageIds) = RandomSet(seed: 3, people: 40, imagesPerPerson: 3, captionsPerImage: 2);

        var matrix = EmbeddingSimilarity.Compute(captions, images);
        var fromMatrix = RetrievalEvaluator.TextToImage(matrix, captionIds, imageIds);
        var fromEmbeddings = RetrievalEvaluator.EvaluateEmbeddings(captions, captionIds, images, imageIds, RetrievalDirection.TextToImage);
        var accumulator = new RetrievalAccumulator(imageIds, RetrievalDirection.TextToImage);
        for (var query = 0; query < captions.Length; query++)
        {
            accumulator.Add(captionIds[query], matrix.Row(query));
        }

        var fromRows = accumulator.ToMetrics();

        // Same scores, same per-query order of summation: the results are identical, not just close.
        Assert.Equal(fromMatrix, fromEmbeddings);
        Assert.Equal(fromMatrix, fromRows);
    }

    [Fact]
    public void ImageToText_RandomSet_MatchesEmbeddingsWithRolesSwapped()
    {
        var (captions, captionIds, images, imageIds) = RandomSet(seed: 5, people: 30, imagesPerPerson: 2, captionsPerImage: 2);

        var fromMatrix = RetrievalEvaluator.ImageToText(EmbeddingSimilarity.Compute(captions, images), captionIds, imageIds);
        var fromEmbeddings = RetrievalEvaluator.EvaluateEmbeddings(images, imageIds, captions, captionIds, RetrievalDirection.ImageToText);

        Assert.Equal(fromMatrix, fromEmbeddings);
    }

    [Fact]
    public void TextToImage_RandomScoresWithTies_MatchesStableSortReference()
    {
        // Scores drawn from 5 levels force many ties; the reference ranks each row with a stable
        // OrderByDescending, which keeps gallery order among equal scores.
        var random = new Random(17);
        const int queries = 50;
        const int gallery = 60;
        var galleryIds = Enumerable.Range(0, gallery).Select(index => (long)(index % 12)).ToArray();
        var queryIds = Enumerable.Range(0, queries).Select(_ => (long)random.Next(12)).ToArray();
        var rows = Enumerable.Range(0, queries)
            .Select(_ => Enumerable.Range(0, gallery).Select(_ => random.Next(5) / 4f).ToArray())
            .ToArray();

        var metrics = RetrievalEvaluator.TextToImage(SimilarityMatrix.FromRows(rows), queryIds, galleryIds);

        var reference = ReferenceMetrics(rows, queryIds, galleryIds);
        Assert.Equal(reference.HitsAt1, metrics.HitsAt1);
        Assert.Equal(reference.HitsAt5, metrics.HitsAt5);
        Assert.Equal(reference.HitsAt10, metrics.HitsAt10);
        Assert.Equal(reference.MeanAveragePrecision, metrics.MeanAveragePrecision, 1e-9);
        Assert.Equal(reference.MeanInversePositivePenalty, metrics.MeanInversePositivePenalty, 1e-9);
    }

    [Fact]
    public void Compute_RandomSet_MatchesNaiveDotProducts()
    {
        var (captions, _, images, _) = RandomSet(seed: 9, people: 20, imagesPerPerson: 2, captionsPerImage: 2);

        var matrix = EmbeddingSimilarity.Compute(captions, images);

        for (var query = 0; query < captions.Length; query++)
        {
            for (var item = 0; item < images.Length; item++)
            {
                var expected = 0.0;
                for (var d = 0; d < Dimension; d++)
                {
                    expected += (double)captions[query][d] * images[item][d];
                }

                Assert.Equal(expected, matrix.Row(query)[item], 1e-6);
            }
        }
    }

    [Fact]
    public void Transpose_TwiceTransposed_EqualsOriginal()
    {
        var random = new Random(2);
        var values = Enumerable.Range(0, 70 * 130).Select(_ => random.NextSingle()).ToArray();
        var matrix = new SimilarityMatrix(values, 70, 130);

        var transposed = matrix.Transpose();

        Assert.Equal(130, transposed.QueryCount);
        Assert.Equal(70, transposed.GalleryCount);
        Assert.Equal(matrix.Row(69)[129], transposed.Row(129)[69]);
        Assert.Equal(matrix.Row(3)[100], transposed.Row(100)[3]);
        Assert.Equal(values, transposed.Transpose().Values);
    }

    private static (long HitsAt1, long HitsAt5, long HitsAt10, double MeanAveragePrecision, double MeanInversePositivePenalty) ReferenceMetrics(
        float[][] rows,
        long[] queryIds,
        long[] galleryIds)
    {
        long hitsAt1 = 0, hitsAt5 = 0, hitsAt10 = 0;
        double apSum = 0, inpSum = 0;
        for (var query = 0; query < rows.Length; query++)
        {
            var row = rows[query];
            var ranking = Enumerable.Range(0, row.Length).OrderByDescending(index => row[index]).ToArray();
            var matches = ranking.Select(index => galleryIds[index] == queryIds[query]).ToArray();
            var relevant = matches.Count(match => match);
            var firstRank = Array.IndexOf(matches, true) + 1;
            var lastRank = Array.LastIndexOf(matches, true) + 1;
            hitsAt1 += firstRank <= 1 ? 1 : 0;
            hitsAt5 += firstRank <= 5 ? 1 : 0;
            hitsAt10 += firstRank <= 10 ? 1 : 0;

            var found = 0;
            var precisionSum = 0.0;
            for (var k = 0; k < matches.Length; k++)
            {
                if (matches[k])
                {
                    found++;
                    precisionSum += found / (double)(k + 1);
                }
            }

            apSum += precisionSum / relevant;
            inpSum += relevant / (double)lastRank;
        }

        return (hitsAt1, hitsAt5, hitsAt10, 100 * apSum / rows.Length, 100 * inpSum / rows.Length);
    }

    private static (float[][] Captions, long[] CaptionIds, float[][] Images, long[] ImageIds) RandomSet(
        int seed,
        int people,
        int imagesPerPerson,
        int captionsPerImage)
    {
        var random = new Random(seed);
        var images = new List<float[]>();
        var imageIds = new List<long>();
        var captions = new List<float[]>();
        var captionIds = new List<long>();
        for (var person = 0; person < people; person++)
        {
            var centre = RandomVector(random);
            for (var image = 0; image < imagesPerPerson; image++)
            {
                images.Add(Noisy(centre, random));
                imageIds.Add(person);
                for (var caption = 0; caption < captionsPerImage; caption++)
                {
                    captions.Add(Noisy(centre, random));
                    captionIds.Add(person);
                }
            }
        }

        return (captions.ToArray(), captionIds.ToArray(), images.ToArray(), imageIds.ToArray());
    }

    private static float[] Noisy(float[] centre, Random random)
    {
        var noise = RandomVector(random);
        return Normalize(centre.Zip(noise, (c, n) => c + 0.8f * n).ToArray());
    }

    private static float[] RandomVector(Random random) =>
        Normalize(Enumerable.Range(0, Dimension).Select(_ => (float)random.NextDouble() * 2 - 1).ToArray());

    private static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        return vector.Select(value => value / norm).ToArray();
    }
}
