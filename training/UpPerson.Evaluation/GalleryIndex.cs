namespace UpPerson.Evaluation;

/// <summary>Gallery positions grouped by person id, each group in ascending index order.</summary>
internal sealed class GalleryIndex
{
    private readonly Dictionary<long, int[]> _positionsById;

    public GalleryIndex(IReadOnlyList<long> galleryIds, RetrievalDirection direction)
    {
        ArgumentNullException.ThrowIfNull(galleryIds);
        if (galleryIds.Count == 0)
        {
            throw new ArgumentException(
                $"The {direction.GalleryKind()} gallery is empty. Evaluation needs at least one gallery item.",
                nameof(galleryIds));
        }

        Ids = galleryIds.ToArray();
        _positionsById = Enumerable.Range(0, Ids.Length)
            .GroupBy(position => Ids[position])
            .ToDictionary(group => group.Key, group => group.ToArray());
        Direction = direction;
    }

    /// <summary>Person id of every gallery item, by gallery index.</summary>
    public long[] Ids { get; }

    public int Count => Ids.Length;

    public RetrievalDirection Direction { get; }

    /// <summary>
    /// Returns the gallery indices that share <paramref name="queryId"/>, or throws when there are
    /// none, because rank metrics are undefined for such a query.
    /// </summary>
    public int[] RelevantPositions(int queryIndex, long queryId)
    {
        if (_positionsById.TryGetValue(queryId, out var positions))
        {
            return positions;
        }

        var queryKind = Direction.QueryKind();
        var galleryKind = Direction.GalleryKind();
        throw new ArgumentException(
            $"The {queryKind} query at index {queryIndex} has person id {queryId}, but no {galleryKind} in the gallery has that id, " +
            "so its rank, AP and INP are undefined. Build the gallery from the same split as the queries, " +
            $"or drop queries whose person has no {galleryKind}.");
    }
}
