using UpPerson.Contracts;

namespace UpPerson.Storage.Embedded;

/// <summary>
/// Top-K search within one collection under camera and time filters. Small match sets are scored
/// exactly from SQLite. Larger ones go through the HNSW index with oversampling and post-filtering.
/// </summary>
internal sealed class FilteredVectorSearch(SightingReader reader, int exactScanMaxRows)
{
    // Extra candidates per expected match, so most filtered queries finish in one index search.
    private const int OversamplingFactor = 2;

    public async Task<IReadOnlyList<SightingSearchHit>> SearchAsync(
        VectorCollection collection,
        float[] query,
        int topK,
        SightingFilter filter,
        CancellationToken cancellationToken)
    {
        var total = collection.Count;
        var matching = filter.IsEmpty
            ? total
            : await reader.CountEmbeddingsAsync(collection.ModelId, filter, cancellationToken).ConfigureAwait(false);
        if (matching == 0)
        {
            return [];
        }

        IReadOnlyList<ulong> candidateKeys;
        if (matching <= exactScanMaxRows)
        {
            var scored = await reader.ScanTopAsync(collection.ModelId, collection.Dimensions, filter, query, topK, cancellationToken).ConfigureAwait(false);
            candidateKeys = scored.Select(candidate => candidate.Key).ToList();
        }
        else
        {
            candidateKeys = await SearchIndexAsync(collection, query, topK, filter, total, matching, cancellationToken).ConfigureAwait(false);
        }

        var sightings = await reader.ReadByKeysAsync(collection.ModelId, candidateKeys, cancellationToken).ConfigureAwait(false);
        return Rank(sightings, query, topK);
    }

    /// <summary>
    /// Searches the index for enough candidates to leave <paramref name="topK"/> after filtering,
    /// doubling the candidate count until they suffice or the index has nothing more to return.
    /// </summary>
    private async Task<IReadOnlyList<ulong>> SearchIndexAsync(
        VectorCollection collection,
        float[] query,
        int topK,
        SightingFilter filter,
        long total,
        long matching,
        CancellationToken cancellationToken)
    {
        // Filtered matches are spread through the index at roughly matching/total density.
        var expected = Math.Ceiling((double)topK * total / matching * OversamplingFactor);
        var limit = Math.Min(total, int.MaxValue);
        var requested = (int)Math.Clamp(expected, Math.Min(topK, limit), limit);

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            var (keys, distances) = await collection.SearchAsync(query, requested, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ulong> passing = filter.IsEmpty
                ? keys
                : await reader.FilterKeysAsync(collection.ModelId, keys, filter, cancellationToken).ConfigureAwait(false);

            var exhausted = keys.Length < requested || requested >= limit;
            if (exhausted || (passing.Count >= topK && !MayTieBeyondCandidates(keys, distances, passing, topK)))
            {
                return passing;
            }

            requested = (int)Math.Min((long)requested * 2, limit);
        }
    }

    /// <summary>
    /// True when the K-th passing candidate is as far as the farthest candidate returned: embeddings
    /// outside the candidate set may then tie with it, and the id order could pick one of them.
    /// </summary>
    private static bool MayTieBeyondCandidates(ulong[] keys, float[] distances, IReadOnlyList<ulong> passing, int topK)
    {
        var distanceByKey = new Dictionary<ulong, float>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            distanceByKey[keys[i]] = distances[i];
        }

        var passingDistances = passing.Select(key => distanceByKey[key]).Order().ToList();
        return passingDistances[topK - 1] >= distances.Max();
    }

    private static IReadOnlyList<SightingSearchHit> Rank(IReadOnlyList<Sighting> sightings, float[] query, int topK)
    {
        var hits = sightings
            .Select(sighting => new SightingSearchHit(sighting, CosineSimilarity.Compute(query, sighting.Embedding)))
            .ToList();
        hits.Sort((a, b) => HitOrder.Compare(a.Score, a.Sighting.Id, b.Score, b.Sighting.Id));
        return hits.Count > topK ? hits.GetRange(0, topK) : hits;
    }
}
