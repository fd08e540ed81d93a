namespace UpPerson.Evaluation;

/// <summary>Where the relevant items of one query landed in its ranking.</summary>
/// <param name="FirstRelevantRank">1-based rank of the best-placed relevant item.</param>
/// <param name="RelevantCount">R, the number of relevant gallery items.</param>
/// <param name="AveragePrecision">AP in [0, 1].</param>
/// <param name="InversePositivePenalty">INP = R / (rank of the last relevant item), in (0, 1].</param>
internal readonly record struct QueryOutcome(int FirstRelevantRank, int RelevantCount, double AveragePrecision, double InversePositivePenalty);

/// <summary>
/// Ranks one query's gallery under the tie rule and reduces the ranks of its relevant items to
/// the per-query metrics.
/// </summary>
/// <remarks>
/// Tie rule: the gallery is ordered by similarity, highest first, and items with equal similarity
/// keep gallery-index order, lowest index first. This is what a stable sort by descending
/// similarity yields, so an equal score never moves a relevant item ahead of an irrelevant one that
/// comes earlier in the gallery. +0 and −0 count as equal. The full ranking is never sorted: only
/// the R relevant items are sorted, and each irrelevant item is placed among them by binary search,
/// which costs O(G log R) per query for a gallery of G items.
/// </remarks>
internal static class QueryRanking
{
    public static QueryOutcome Rank(ReadOnlySpan<float> similarities, long queryId, int[] relevantPositions, long[] galleryIds)
    {
        var relevantCount = relevantPositions.Length;
        var relevant = new RankedItem[relevantCount];
        for (var i = 0; i < relevantCount; i++)
        {
            var position = relevantPositions[i];
            relevant[i] = new RankedItem(similarities[position], position);
        }

        Array.Sort(relevant);

        // irrelevantAhead[i]: irrelevant items ranked after relevant item i − 1 but ahead of relevant item i.
        var irrelevantAhead = new int[relevantCount + 1];
        var lastRelevant = relevant[relevantCount - 1];
        for (var position = 0; position < similarities.Length; position++)
        {
            if (galleryIds[position] == queryId)
            {
                continue;
            }

            var item = new RankedItem(similarities[position], position);

            // Most irrelevant items rank below every relevant one, so test that before searching.
            if (lastRelevant.CompareTo(item) < 0)
            {
                continue;
            }

            irrelevantAhead[FirstRankedAfter(relevant, item)]++;
        }

        var irrelevantSoFar = 0;
        var precisionSum = 0.0;
        var firstRank = 0;
        var lastRank = 0;
        for (var i = 0; i < relevantCount; i++)
        {
            irrelevantSoFar += irrelevantAhead[i];
            var rank = i + 1 + irrelevantSoFar;

            // Precision at the rank of the (i + 1)-th relevant item. Other ranks have match_k = 0 and add nothing.
            precisionSum += (i + 1) / (double)rank;
            if (i == 0)
            {
                firstRank = rank;
            }

            lastRank = rank;
        }

        return new QueryOutcome(
            firstRank,
            relevantCount,
            precisionSum / relevantCount,
            relevantCount / (double)lastRank);
    }

    /// <summary>Index of the first relevant item that <paramref name="item"/> ranks ahead of.</summary>
    private static int FirstRankedAfter(RankedItem[] relevant, RankedItem item)
    {
        var low = 0;
        var high = relevant.Length - 1;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (relevant[middle].CompareTo(item) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>A gallery item's score and index, ordered by the tie rule: ahead means smaller.</summary>
    private readonly record struct RankedItem(float Similarity, int Position) : IComparable<RankedItem>
    {
        public int CompareTo(RankedItem other)
        {
            if (Similarity > other.Similarity)
            {
                return -1;
            }

            if (Similarity < other.Similarity)
            {
                return 1;
            }

            return Position.CompareTo(other.Position);
        }
    }
}
