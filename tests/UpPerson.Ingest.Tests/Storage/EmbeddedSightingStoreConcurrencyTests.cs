using System.Collections.Concurrent;
using UpPerson.Storage.Embedded;

namespace UpPerson.Ingest.Tests.Storage;

public sealed class EmbeddedSightingStoreConcurrencyTests
{
    private const int SearchThreads = 16;
    private const int SearchesPerThread = 40;
    private const int Count = 3000;
    private const int Dimensions = 256;

    [Fact]
    public async Task SearchAsync_ManyThreadsDuringWrites_Succeeds()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0, indexSaveAfterWrites: 40);
        var vectors = SightingFactory.RandomUnitVectors(Count, Dimensions, seed: 31);
        var sightings = vectors.Select((vector, i) => SightingFactory.Create($"cam-{i % 4}", i, vector)).ToList();
        await store.WriteAsync(sightings.Take(Count / 2).ToList(), CancellationToken.None);
        var queries = SightingFactory.RandomUnitVectors(SearchThreads, Dimensions, seed: 32);

        // USearch has one search context per core. Dedicated threads, unlike the small thread pool of
        // a CI machine, make far more searches overlap than that while batches and saves continue.
        var failures = new ConcurrentQueue<Exception>();
        var results = new ConcurrentBag<IReadOnlyList<SightingSearchHit>>();
        using var start = new Barrier(SearchThreads);
        var threads = queries.Select(query => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < SearchesPerThread; round++)
            {
                try
                {
                    var request = new SightingSearchRequest { ModelId = "model-a", QueryVector = query, TopK = 5 };
                    results.Add(store.SearchAsync(request, CancellationToken.None).GetAwaiter().GetResult());
                }
                catch (Exception exception)
                {
                    failures.Enqueue(exception);
                }
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        foreach (var chunk in sightings.Skip(Count / 2).Chunk(100))
        {
            await store.WriteAsync(chunk, CancellationToken.None);
        }

        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
        Assert.Equal(SearchThreads * SearchesPerThread, results.Count);
        Assert.All(results, hits =>
        {
            Assert.Equal(5, hits.Count);
            for (var i = 1; i < hits.Count; i++)
            {
                Assert.True(hits[i - 1].Score >= hits[i].Score, "Hits are not ordered by score descending.");
            }
        });
        Assert.Equal(Count, (await store.GetStatsAsync(CancellationToken.None)).TotalSightings);

        // Every written vector reached the index: sampled sightings find themselves first. Exact top-K
        // equality is not asserted here, because HNSW recall on random 256-d vectors is below 100%.
        foreach (var sighting in sightings.Where((_, i) => i % 150 == 0))
        {
            var request = new SightingSearchRequest { ModelId = "model-a", QueryVector = sighting.Embedding, TopK = 1 };
            var hit = Assert.Single(await store.SearchAsync(request, CancellationToken.None));
            Assert.Equal(sighting.Id, hit.Sighting.Id);
        }
    }
}
