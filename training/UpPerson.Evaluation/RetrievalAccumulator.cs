namespace UpPerson.Evaluation;

/// <summary>
/// Builds retrieval metrics one query row at a time, so the full query-by-gallery matrix never has
/// to exist. Rows must be added in query order for the error messages to carry the right index.
/// </summary>
/// <remarks>
/// Ranking follows the tie rule of <see cref="RetrievalEvaluator"/>: descending similarity, ties
/// broken by ascending gallery index. Not thread-safe.
/// </remarks>
public sealed class RetrievalAccumulator
{
    private readonly GalleryIndex _gallery;
    private long _relevantCount;
    private int _hitsAt1;
    private int _hitsAt5;
    private int _hitsAt10;
    private double _averagePrecisionSum;
    private double _inversePositivePenaltySum;

    /// <param name="galleryIds">Person id of every gallery item, in gallery (column) order.</param>
    /// <param name="direction">Which modality queries; used in the result and in error messages.</param>
    public RetrievalAccumulator(IReadOnlyList<long> galleryIds, RetrievalDirection direction)
        : this(new GalleryIndex(galleryIds, direction))
    {
    }

    internal RetrievalAccumulator(GalleryIndex gallery)
    {
        _gallery = gallery;
    }

    /// <summary>Number of query rows added so far.</summary>
    public int QueryCount { get; private set; }

    /// <summary>Ranks one query's scores against the gallery and adds its outcome.</summary>
    /// <param name="queryId">Person id of the query.</param>
    /// <param name="similarities">Its score against every gallery item, in gallery order.</param>
    /// <exception cref="ArgumentException">
    /// The row length differs from the gallery size, a score is NaN, or no gallery item has the
    /// query's person id.
    /// </exception>
    public void Add(long queryId, ReadOnlySpan<float> similarities)
    {
        var queryIndex = QueryCount;
        RetrievalInputs.ValidateRow(similarities, queryIndex, _gallery);
        var relevant = _gallery.RelevantPositions(queryIndex, queryId);
        Add(QueryRanking.Rank(similarities, queryId, relevant, _gallery.Ids));
    }

    /// <summary>Returns the metrics over every row added so far.</summary>
    /// <exception cref="InvalidOperationException">No row was added.</exception>
    public RetrievalMetrics ToMetrics()
    {
        if (QueryCount == 0)
        {
            throw new InvalidOperationException(
                "No query rows were added, so the retrieval metrics are undefined. Call Add once per query first.");
        }

        return new RetrievalMetrics(
            _gallery.Direction,
            QueryCount,
            _gallery.Count,
            _relevantCount,
            _hitsAt1,
            _hitsAt5,
            _hitsAt10,
            100.0 * _averagePrecisionSum / QueryCount,
            100.0 * _inversePositivePenaltySum / QueryCount);
    }

    internal void Add(QueryOutcome outcome)
    {
        QueryCount++;
        _relevantCount += outcome.RelevantCount;
        _hitsAt1 += outcome.FirstRelevantRank <= 1 ? 1 : 0;
        _hitsAt5 += outcome.FirstRelevantRank <= 5 ? 1 : 0;
        _hitsAt10 += outcome.FirstRelevantRank <= 10 ? 1 : 0;
        _averagePrecisionSum += outcome.AveragePrecision;
        _inversePositivePenaltySum += outcome.InversePositivePenalty;
    }
}
