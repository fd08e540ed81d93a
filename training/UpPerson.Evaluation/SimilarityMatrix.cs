namespace UpPerson.Evaluation;

/// <summary>
/// Query-by-gallery similarities stored row-major: the score of query q against gallery item g is
/// <c>Values[q * GalleryCount + g]</c>.
/// </summary>
public sealed class SimilarityMatrix
{
    private const int TransposeTile = 64;

    /// <summary>Wraps <paramref name="values"/> without copying it.</summary>
    public SimilarityMatrix(float[] values, int queryCount, int galleryCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (queryCount <= 0 || galleryCount <= 0)
        {
            throw new ArgumentException(
                $"A similarity matrix needs at least one query and one gallery item, but got {queryCount} x {galleryCount}. " +
                "Check that the query and gallery sets are not empty.",
                queryCount <= 0 ? nameof(queryCount) : nameof(galleryCount));
        }

        if (values.LongLength != (long)queryCount * galleryCount)
        {
            throw new ArgumentException(
                $"A {queryCount} x {galleryCount} similarity matrix needs {(long)queryCount * galleryCount} values in row-major order, " +
                $"but the array holds {values.LongLength}. Pass one row of {galleryCount} scores per query.",
                nameof(values));
        }

        Values = values;
        QueryCount = queryCount;
        GalleryCount = galleryCount;
    }

    /// <summary>The scores in row-major order, one row of <see cref="GalleryCount"/> values per query.</summary>
    public float[] Values { get; }

    public int QueryCount { get; }

    public int GalleryCount { get; }

    /// <summary>The scores of one query against every gallery item.</summary>
    public ReadOnlySpan<float> Row(int query)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(query, QueryCount);
        return Values.AsSpan(query * GalleryCount, GalleryCount);
    }

    /// <summary>Copies jagged rows (one array per query, all the same length) into a matrix.</summary>
    public static SimilarityMatrix FromRows(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0)
        {
            throw new ArgumentException("A similarity matrix needs at least one query row, but none were given.", nameof(rows));
        }

        var galleryCount = rows[0]?.Length ?? 0;
        var values = new float[(long)rows.Length * galleryCount];
        for (var query = 0; query < rows.Length; query++)
        {
            var row = rows[query];
            if (row is null || row.Length != galleryCount)
            {
                throw new ArgumentException(
                    $"Similarity row {query} has {row?.Length ?? 0} scores but row 0 has {galleryCount}. " +
                    "Every query row must score the same gallery.",
                    nameof(rows));
            }

            row.CopyTo(values, (long)query * galleryCount);
        }

        return new SimilarityMatrix(values, rows.Length, galleryCount);
    }

    /// <summary>
    /// Returns the gallery-by-query matrix, so the same scores can be evaluated with the roles of
    /// queries and gallery swapped.
    /// </summary>
    public SimilarityMatrix Transpose()
    {
        var transposed = new float[Values.LongLength];

        // Tiles keep both the rows read and the rows written in cache.
        for (var rowStart = 0; rowStart < QueryCount; rowStart += TransposeTile)
        {
            var rowEnd = Math.Min(rowStart + TransposeTile, QueryCount);
            for (var columnStart = 0; columnStart < GalleryCount; columnStart += TransposeTile)
            {
                var columnEnd = Math.Min(columnStart + TransposeTile, GalleryCount);
                for (var row = rowStart; row < rowEnd; row++)
                {
                    for (var column = columnStart; column < columnEnd; column++)
                    {
                        transposed[(long)column * QueryCount + row] = Values[(long)row * GalleryCount + column];
                    }
                }
            }
        }

        return new SimilarityMatrix(transposed, GalleryCount, QueryCount);
    }
}
