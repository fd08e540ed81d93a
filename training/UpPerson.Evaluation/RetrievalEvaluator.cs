namespace UpPerson.Evaluation;

/// <summary>
/// Retrieval metrics from similarity scores and person ids: R@1, R@5, R@10, mAP and mINP, with no
/// re-ranking.
/// </summary>
/// <remarks>
/// <para>
/// Tie rule: each query ranks the gallery by similarity, highest first. Items with equal similarity
/// are ranked by gallery index, lowest first, which is the order a stable sort by descending
/// similarity gives. A tie therefore never favours the relevant item: a relevant item that ties
/// with an earlier irrelevant one ranks after it. +0 and −0 are equal, and NaN scores are rejected.
/// </para>
/// <para>
/// A gallery item is relevant to a query when both carry the same person id, and R is the number
/// of relevant items. R@K counts queries with a relevant item within the first K ranks. AP is
/// (1/R) Σ_k match_k · precision@k over the whole ranking, and INP is R divided by the 1-based rank
/// of the last relevant item. Means over queries are reported × 100. A query with no relevant item
/// is an error naming its index and id.
/// </para>
/// <para>
/// Per-query results are summed in query order after the parallel ranking, so the metrics do not
/// depend on thread scheduling.
/// </para>
/// </remarks>
public static class RetrievalEvaluator
{
    /// <summary>Evaluates text → image retrieval: each caption ranks every image.</summary>
    /// <param name="textByImage">Scores [captions, images].</param>
    /// <param name="textIds">Person id of each caption, in row order.</param>
    /// <param name="imageIds">Person id of each image, in column order.</param>
    /// <param name="cancellationToken">Stops the ranking between queries.</param>
    public static RetrievalMetrics TextToImage(
        SimilarityMatrix textByImage,
        IReadOnlyList<long> textIds,
        IReadOnlyList<long> imageIds,
        CancellationToken cancellationToken = default) =>
        Evaluate(textByImage, textIds, imageIds, RetrievalDirection.TextToImage, cancellationToken);

    /// <summary>Evaluates image → text retrieval on the same [captions, images] scores: each image ranks every caption.</summary>
    /// <param name="textByImage">Scores [captions, images], as for <see cref="TextToImage"/>; transposed here.</param>
    /// <param name="textIds">Person id of each caption, in row order.</param>
    /// <param name="imageIds">Person id of each image, in column order.</param>
    /// <param name="cancellationToken">Stops the ranking between queries.</param>
    public static RetrievalMetrics ImageToText(
        SimilarityMatrix textByImage,
        IReadOnlyList<long> textIds,
        IReadOnlyList<long> imageIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(textByImage);
        RetrievalInputs.ValidateQueryCount(textByImage.QueryCount, textIds, RetrievalDirection.TextToImage);
        RetrievalInputs.ValidateGalleryCount(textByImage.GalleryCount, imageIds, RetrievalDirection.TextToImage);
        return Evaluate(textByImage.Transpose(), imageIds, textIds, RetrievalDirection.ImageToText, cancellationToken);
    }

    /// <summary>Ranks the gallery for every row of <paramref name="similarities"/> and reduces the ranks to metrics.</summary>
    /// <param name="similarities">Scores [queries, gallery].</param>
    /// <param name="queryIds">Person id of each query, in row order.</param>
    /// <param name="galleryIds">Person id of each gallery item, in column order.</param>
    /// <param name="direction">Which modality queries; recorded in the result and used in error messages.</param>
    /// <param name="cancellationToken">Stops the ranking between queries.</param>
    /// <exception cref="ArgumentException">
    /// The id counts do not match the matrix, a score is NaN, or a query has no relevant gallery item.
    /// </exception>
    public static RetrievalMetrics Evaluate(
        SimilarityMatrix similarities,
        IReadOnlyList<long> queryIds,
        IReadOnlyList<long> galleryIds,
        RetrievalDirection direction,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(similarities);
        RetrievalInputs.ValidateQueryCount(similarities.QueryCount, queryIds, direction);
        RetrievalInputs.ValidateGalleryCount(similarities.GalleryCount, galleryIds, direction);
        var gallery = new GalleryIndex(galleryIds, direction);

        // Validate every query before the parallel loop, so the first bad query is the one reported.
        var relevant = new int[similarities.QueryCount][];
        for (var query = 0; query < similarities.QueryCount; query++)
        {
            RetrievalInputs.ValidateRow(similarities.Row(query), query, gallery);
            relevant[query] = gallery.RelevantPositions(query, queryIds[query]);
        }

        var outcomes = new QueryOutcome[similarities.QueryCount];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, similarities.QueryCount, options, query =>
        {
            outcomes[query] = QueryRanking.Rank(similarities.Row(query), queryIds[query], relevant[query], gallery.Ids);
        });

        return Reduce(gallery, outcomes);
    }

    /// <summary>
    /// Evaluates retrieval straight from embeddings without building the full similarity matrix:
    /// each worker scores one block of queries at a time, so memory stays at a few rows per thread.
    /// </summary>
    /// <param name="queryEmbeddings">One L2-normalised embedding per query (captions for text → image).</param>
    /// <param name="queryIds">Person id of each query.</param>
    /// <param name="galleryEmbeddings">One L2-normalised embedding per gallery item, of the same dimension.</param>
    /// <param name="galleryIds">Person id of each gallery item.</param>
    /// <param name="direction">Which modality queries.</param>
    /// <param name="cancellationToken">Stops the evaluation between query blocks.</param>
    /// <exception cref="ArgumentException">
    /// Counts or dimensions do not match, an embedding is not unit length, or a query has no
    /// relevant gallery item.
    /// </exception>
    public static RetrievalMetrics EvaluateEmbeddings(
        float[][] queryEmbeddings,
        IReadOnlyList<long> queryIds,
        float[][] galleryEmbeddings,
        IReadOnlyList<long> galleryIds,
        RetrievalDirection direction,
        CancellationToken cancellationToken = default)
    {
        EmbeddingSimilarity.ValidatePair(queryEmbeddings, direction.QueryKind(), galleryEmbeddings, direction.GalleryKind());
        RetrievalInputs.ValidateQueryCount(queryEmbeddings.Length, queryIds, direction);
        RetrievalInputs.ValidateGalleryCount(galleryEmbeddings.Length, galleryIds, direction);
        var gallery = new GalleryIndex(galleryIds, direction);

        var relevant = new int[queryEmbeddings.Length][];
        for (var query = 0; query < queryEmbeddings.Length; query++)
        {
            relevant[query] = gallery.RelevantPositions(query, queryIds[query]);
        }

        var galleryCount = gallery.Count;
        var outcomes = new QueryOutcome[queryEmbeddings.Length];
        var blockSize = EmbeddingSimilarity.QueryBlockSize;
        var blockCount = (queryEmbeddings.Length + blockSize - 1) / blockSize;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(
            0,
            blockCount,
            options,
            () => new float[blockSize * galleryCount],
            (block, _, scores) =>
            {
                var start = block * blockSize;
                var count = Math.Min(blockSize, queryEmbeddings.Length - start);
                EmbeddingSimilarity.ComputeBlock(queryEmbeddings, start, count, galleryEmbeddings, scores);
                for (var offset = 0; offset < count; offset++)
                {
                    var query = start + offset;
                    var row = scores.AsSpan(offset * galleryCount, galleryCount);
                    outcomes[query] = QueryRanking.Rank(row, queryIds[query], relevant[query], gallery.Ids);
                }

                return scores;
            },
            _ => { });

        return Reduce(gallery, outcomes);
    }

    private static RetrievalMetrics Reduce(GalleryIndex gallery, QueryOutcome[] outcomes)
    {
        var accumulator = new RetrievalAccumulator(gallery);
        foreach (var outcome in outcomes)
        {
            accumulator.Add(outcome);
        }

        return accumulator.ToMetrics();
    }
}
