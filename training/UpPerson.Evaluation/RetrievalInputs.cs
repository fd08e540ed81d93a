namespace UpPerson.Evaluation;

/// <summary>Input checks shared by the evaluation entry points. Each error names the offending value.</summary>
internal static class RetrievalInputs
{
    public static void ValidateRow(ReadOnlySpan<float> similarities, int queryIndex, GalleryIndex gallery)
    {
        if (similarities.Length != gallery.Count)
        {
            throw new ArgumentException(
                $"Similarity row {queryIndex} has {similarities.Length} scores but the {gallery.Direction.GalleryKind()} gallery has " +
                $"{gallery.Count} items. Score every gallery item, in gallery order.",
                nameof(similarities));
        }

        var nan = IndexOfNaN(similarities);
        if (nan >= 0)
        {
            throw new ArgumentException(
                $"Similarity row {queryIndex} has NaN at gallery index {nan}, which cannot be ranked. " +
                "Check the embeddings for NaN or zero vectors before normalising them.",
                nameof(similarities));
        }
    }

    public static int IndexOfNaN(ReadOnlySpan<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static void ValidateQueryCount(int rows, IReadOnlyList<long> queryIds, RetrievalDirection direction)
    {
        ArgumentNullException.ThrowIfNull(queryIds);
        if (queryIds.Count != rows)
        {
            throw new ArgumentException(
                $"There are {rows} {direction.QueryKind()} query rows but {queryIds.Count} query person ids. " +
                "Pass one person id per query, in row order.",
                nameof(queryIds));
        }
    }

    public static void ValidateGalleryCount(int columns, IReadOnlyList<long> galleryIds, RetrievalDirection direction)
    {
        ArgumentNullException.ThrowIfNull(galleryIds);
        if (galleryIds.Count != columns)
        {
            throw new ArgumentException(
                $"There are {columns} {direction.GalleryKind()} gallery columns but {galleryIds.Count} gallery person ids. " +
                "Pass one person id per gallery item, in column order.",
                nameof(galleryIds));
        }
    }
}
