using System.Numerics.Tensors;

namespace UpPerson.Evaluation;

/// <summary>
/// Cosine similarities between L2-normalised embeddings, computed as dot products in blocks of
/// queries so each gallery vector is read from memory once per block rather than once per query.
/// </summary>
public static class EmbeddingSimilarity
{
    /// <summary>Largest accepted |‖x‖ − 1| for an embedding that claims to be L2-normalised.</summary>
    /// <remarks>Loose enough for embeddings stored in fp16, tight enough to catch embeddings that were never normalised.</remarks>
    public const float NormTolerance = 1e-2f;

    /// <summary>Queries scored together, so their rows (32 × 512 floats, 64 KiB) stay in cache.</summary>
    internal const int QueryBlockSize = 32;

    /// <summary>Computes the full query-by-gallery cosine similarity matrix, in parallel over query blocks.</summary>
    /// <param name="queries">One L2-normalised embedding per query.</param>
    /// <param name="gallery">One L2-normalised embedding per gallery item, of the same dimension.</param>
    /// <param name="cancellationToken">Stops the computation between blocks.</param>
    /// <exception cref="ArgumentException">A set is empty, dimensions differ, or an embedding is not unit length.</exception>
    public static SimilarityMatrix Compute(float[][] queries, float[][] gallery, CancellationToken cancellationToken = default)
    {
        ValidatePair(queries, "query", gallery, "gallery");

        var galleryCount = gallery.Length;
        var values = new float[(long)queries.Length * galleryCount];
        var blockCount = (queries.Length + QueryBlockSize - 1) / QueryBlockSize;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, blockCount, options, block =>
        {
            var start = block * QueryBlockSize;
            var count = Math.Min(QueryBlockSize, queries.Length - start);
            ComputeBlock(queries, start, count, gallery, values.AsSpan(start * galleryCount, count * galleryCount));
        });

        return new SimilarityMatrix(values, queries.Length, galleryCount);
    }

    /// <summary>
    /// Checks that every embedding of both sets is finite and unit length and that all share one
    /// dimension. The error names the set, the index and the fix.
    /// </summary>
    internal static void ValidatePair(float[][] queries, string queryKind, float[][] gallery, string galleryKind)
    {
        var queryDimension = ValidateSet(queries, queryKind, nameof(queries));
        var galleryDimension = ValidateSet(gallery, galleryKind, nameof(gallery));
        if (queryDimension != galleryDimension)
        {
            throw new ArgumentException(
                $"The {queryKind} embeddings have dimension {queryDimension} but the {galleryKind} embeddings have {galleryDimension}. " +
                "Both must come from the same model's shared embedding space.",
                nameof(gallery));
        }
    }

    /// <summary>Scores <paramref name="count"/> queries from <paramref name="start"/> into <paramref name="destination"/> [count, gallery].</summary>
    internal static void ComputeBlock(float[][] queries, int start, int count, float[][] gallery, Span<float> destination) =>
        DotProductKernel.ScoreBlock(queries, start, count, gallery, destination);

    private static int ValidateSet(float[][] embeddings, string kind, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(embeddings, parameterName);
        if (embeddings.Length == 0 || embeddings[0] is null || embeddings[0].Length == 0)
        {
            throw new ArgumentException(
                $"The {kind} embedding set is empty or its first embedding has no values. Pass at least one embedding.",
                parameterName);
        }

        var dimension = embeddings[0].Length;
        for (var index = 0; index < embeddings.Length; index++)
        {
            var embedding = embeddings[index];
            if (embedding is null || embedding.Length != dimension)
            {
                throw new ArgumentException(
                    $"The {kind} embedding at index {index} has {embedding?.Length ?? 0} values but embedding 0 has {dimension}. " +
                    "All embeddings must have one dimension.",
                    parameterName);
            }

            var norm = TensorPrimitives.Norm(embedding);
            if (!float.IsFinite(norm) || Math.Abs(norm - 1f) > NormTolerance)
            {
                throw new ArgumentException(
                    $"The {kind} embedding at index {index} has L2 norm {norm}, but cosine similarity here expects unit vectors " +
                    $"(norm 1 ± {NormTolerance}). Divide each embedding by its L2 norm first, and check the encoder output for NaN.",
                    parameterName);
            }
        }

        return dimension;
    }
}
