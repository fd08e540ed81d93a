namespace UpPerson.Storage.Embedded;

/// <summary>Result order: score descending, then sighting id ascending (ordinal), so equal scores sort the same every time.</summary>
internal static class HitOrder
{
    public static int Compare(double scoreA, string idA, double scoreB, string idB)
    {
        var byScore = scoreB.CompareTo(scoreA);
        return byScore != 0 ? byScore : string.CompareOrdinal(idA, idB);
    }

    /// <summary>Puts the candidate that ranks last first, for a bounded min-heap of the best K.</summary>
    public static IComparer<ScoredKey> WorstFirst { get; } =
        Comparer<ScoredKey>.Create((a, b) => Compare(b.Score, b.SightingId, a.Score, a.SightingId));
}
