using Microsoft.Data.Sqlite;
using UpPerson.Contracts;
using UpPerson.Storage.Embedded;

namespace UpPerson.Ingest.Tests.Storage;

/// <summary>Idempotent upserts, reopening, and recovery of the USearch cache from SQLite after a crash.</summary>
public sealed class EmbeddedSightingStoreDurabilityTests
{
    private const int IndexLoadedEvent = 3110;
    private const int IndexRebuildingEvent = 3111;
    private const int IndexSavedEvent = 3113;
    private const int TempIndexDeletedEvent = 3117;
    private const int Dimensions = 16;

    private static readonly float[][] Queries = SightingFactory.RandomUnitVectors(5, Dimensions, seed: 99);

    [Fact]
    public async Task WriteAsync_SameBatchTwice_KeepsOneRow()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0);
        var sightings = CreateSightings(50);

        await store.WriteAsync(sightings, CancellationToken.None);
        await store.WriteAsync(sightings, CancellationToken.None);

        var stats = await store.GetStatsAsync(CancellationToken.None);
        var everything = await store.SearchAsync(Request(Queries[0], topK: 200), CancellationToken.None);
        Assert.Equal(50, stats.TotalSightings);
        Assert.Equal(50, Assert.Single(stats.Collections).EmbeddingCount);
        Assert.Equal(50, everything.Count);
        Assert.Equal(50, everything.Select(hit => hit.Sighting.Id).Distinct().Count());
    }

    [Fact]
    public async Task WriteAsync_RepeatedId_KeepsLatestValues()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0);
        var sightings = CreateSightings(20);
        await store.WriteAsync(sightings, CancellationToken.None);
        var replaced = sightings[5] with { TrackId = 555, Embedding = Queries[1] };

        // The second batch repeats the id: the later entry wins within a batch too.
        await store.WriteAsync([sightings[5], replaced], CancellationToken.None);

        var stored = await store.GetAsync(replaced.Id, "model-a", CancellationToken.None);
        var hits = await store.SearchAsync(Request(Queries[1], topK: 1), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(555, stored.TrackId);
        Assert.Equal(Queries[1], stored.Embedding);
        Assert.Equal(replaced.Id, hits[0].Sighting.Id);
        Assert.Equal(1.0, hits[0].Score, 1e-5);
        Assert.Equal(20, (await store.GetStatsAsync(CancellationToken.None)).TotalSightings);
    }

    [Fact]
    public async Task OpenAsync_AfterDispose_LoadsSavedIndex()
    {
        using var folder = new TempDirectory();
        var sightings = CreateSightings(150);
        IReadOnlyList<IReadOnlyList<(string, double)>> before;
        await using (var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0))
        {
            await store.WriteAsync(sightings, CancellationToken.None);
            before = await SearchAllQueriesAsync(store);
        }

        var logger = new CapturingLogger<EmbeddedSightingStore>();
        await using var reopened = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0, logger: logger);
        var after = await SearchAllQueriesAsync(reopened);

        var loaded = Assert.Single(logger.WithEventId(IndexLoadedEvent));
        Assert.Equal(0, loaded.Values["CaughtUpCount"]);
        Assert.Empty(logger.WithEventId(IndexRebuildingEvent));
        AssertSameResults(before, after);
    }

    [Fact]
    public async Task OpenAsync_CrashCopy_CatchesUpFromSqlite()
    {
        using var folder = new TempDirectory();
        using var crashCopy = new TempDirectory();
        var sightings = CreateSightings(120);

        // Saves happen after 50 and 100 unsaved embeddings, so the last 20 exist only in SQLite.
        var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0, indexSaveAfterWrites: 50);
        IReadOnlyList<IReadOnlyList<(string, double)>> before;
        try
        {
            foreach (var chunk in sightings.Chunk(10))
            {
                await store.WriteAsync(chunk, CancellationToken.None);
            }

            before = await SearchAllQueriesAsync(store);

            // Copying the open folder captures what a killed process leaves behind: the SQLite file,
            // its write-ahead log, and the index file from the last periodic save.
            crashCopy.CopyFrom(folder.Path);
        }
        finally
        {
            await store.DisposeAsync();
        }

        var logger = new CapturingLogger<EmbeddedSightingStore>();
        await using var recovered = await TestStores.OpenAsync(crashCopy.Path, exactScanMaxRows: 0, logger: logger);
        var after = await SearchAllQueriesAsync(recovered);

        var loaded = Assert.Single(logger.WithEventId(IndexLoadedEvent));
        Assert.Equal(20, loaded.Values["CaughtUpCount"]);
        Assert.Equal(120L, loaded.Values["EmbeddingCount"]);
        Assert.Empty(logger.WithEventId(IndexRebuildingEvent));
        Assert.Equal(120, (await recovered.GetStatsAsync(CancellationToken.None)).TotalSightings);
        AssertSameResults(before, after);
    }

    [Fact]
    public async Task OpenAsync_CrashBeforeFirstSave_Rebuilds()
    {
        using var folder = new TempDirectory();
        using var crashCopy = new TempDirectory();
        var sightings = CreateSightings(80);
        IReadOnlyList<IReadOnlyList<(string, double)>> before;
        await using (var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0))
        {
            await store.WriteAsync(sightings, CancellationToken.None);
            before = await SearchAllQueriesAsync(store);
            crashCopy.CopyFrom(folder.Path);
        }

        var logger = new CapturingLogger<EmbeddedSightingStore>();
        await using var recovered = await TestStores.OpenAsync(crashCopy.Path, exactScanMaxRows: 0, logger: logger);
        var after = await SearchAllQueriesAsync(recovered);

        var rebuilding = Assert.Single(logger.WithEventId(IndexRebuildingEvent));
        Assert.Equal(IndexRebuildReason.Missing, rebuilding.Values["Reason"]);
        AssertSameResults(before, after);
    }

    [Fact]
    public async Task OpenAsync_IndexFileDeleted_RebuildsAndSaves()
    {
        using var folder = new TempDirectory();
        var before = await WriteAndCloseAsync(folder.Path, CreateSightings(100));
        File.Delete(IndexPath(folder.Path));

        var logger = new CapturingLogger<EmbeddedSightingStore>();
        await using var reopened = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0, logger: logger);
        var after = await SearchAllQueriesAsync(reopened);

        var rebuilding = Assert.Single(logger.WithEventId(IndexRebuildingEvent));
        Assert.Equal(IndexRebuildReason.Missing, rebuilding.Values["Reason"]);
        Assert.Single(logger.WithEventId(IndexSavedEvent));
        Assert.True(File.Exists(IndexPath(folder.Path)));
        AssertSameResults(before, after);
    }

    [Fact]
    public async Task OpenAsync_IndexFileOverwritten_RebuildsAsStale()
    {
        using var folder = new TempDirectory();
        var before = await WriteAndCloseAsync(folder.Path, CreateSightings(100));
        using (var file = File.OpenWrite(IndexPath(folder.Path)))
        {
            file.Seek(file.Length / 2, SeekOrigin.Begin);
            file.Write(new byte[4096]);
        }

        var logger = new CapturingLogger<EmbeddedSightingStore>();
        await using var reopened = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0, logger: logger);
        var after = await SearchAllQueriesAsync(reopened);

        var rebuilding = Assert.Single(logger.WithEventId(IndexRebuildingEvent));
        Assert.Equal(IndexRebuildReason.Stale, rebuilding.Values["Reason"]);
        Assert.Contains("SHA-256", rebuilding.Message);
        AssertSameResults(before, after);
    }

    [Fact]
    public async Task OpenAsync_UnloadableIndex_RebuildsAsCorrupt()
    {
        using var folder = new TempDirectory();
        var before = await WriteAndCloseAsync(folder.Path, CreateSightings(60));

        // A file that was already damaged when it was hashed passes the hash check, so USearch must reject it.
        var garbage = new byte[2048];
        new Random(1).NextBytes(garbage);
        File.WriteAllBytes(IndexPath(folder.Path), garbage);
        await RecordIndexHashAsync(folder.Path, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(garbage)));

        var logger = new CapturingLogger<EmbeddedSightingStore>();
        await using var reopened = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0, logger: logger);
        var after = await SearchAllQueriesAsync(reopened);

        var rebuilding = Assert.Single(logger.WithEventId(IndexRebuildingEvent));
        Assert.Equal(IndexRebuildReason.Corrupt, rebuilding.Values["Reason"]);
        AssertSameResults(before, after);
    }

    [Fact]
    public async Task OpenAsync_LeftoverTempFile_IsDeleted()
    {
        using var folder = new TempDirectory();
        await WriteAndCloseAsync(folder.Path, CreateSightings(10));
        var tempPath = IndexPath(folder.Path) + ".tmp";
        File.WriteAllBytes(tempPath, new byte[100]);

        var logger = new CapturingLogger<EmbeddedSightingStore>();
        await using var reopened = await TestStores.OpenAsync(folder.Path, logger: logger);

        Assert.False(File.Exists(tempPath));
        Assert.Single(logger.WithEventId(TempIndexDeletedEvent));
        Assert.Empty(logger.WithEventId(IndexRebuildingEvent));
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforeStart_WritesNothing()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await store.WriteAsync(CreateSightings(5), cancellation.Token));

        Assert.Equal(0, (await store.GetStatsAsync(CancellationToken.None)).TotalSightings);
    }

    private static List<Sighting> CreateSightings(int count) =>
        SightingFactory.RandomUnitVectors(count, Dimensions, seed: 1234)
            .Select((vector, i) => SightingFactory.Create($"cam-{i % 3}", i, vector))
            .ToList();

    private static async Task<IReadOnlyList<IReadOnlyList<(string, double)>>> WriteAndCloseAsync(string dataDirectory, IReadOnlyList<Sighting> sightings)
    {
        await using var store = await TestStores.OpenAsync(dataDirectory, exactScanMaxRows: 0);
        await store.WriteAsync(sightings, CancellationToken.None);
        return await SearchAllQueriesAsync(store);
    }

    private static async Task<IReadOnlyList<IReadOnlyList<(string, double)>>> SearchAllQueriesAsync(EmbeddedSightingStore store)
    {
        var results = new List<IReadOnlyList<(string, double)>>();
        foreach (var query in Queries)
        {
            var hits = await store.SearchAsync(Request(query, topK: 10), CancellationToken.None);
            results.Add(hits.Select(hit => (hit.Sighting.Id, hit.Score)).ToList());
        }

        return results;
    }

    private static void AssertSameResults(
        IReadOnlyList<IReadOnlyList<(string Id, double Score)>> expected,
        IReadOnlyList<IReadOnlyList<(string Id, double Score)>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var q = 0; q < expected.Count; q++)
        {
            Assert.Equal(expected[q].Select(hit => hit.Id), actual[q].Select(hit => hit.Id));
            for (var i = 0; i < expected[q].Count; i++)
            {
                Assert.Equal(expected[q][i].Score, actual[q][i].Score, 1e-12);
            }
        }
    }

    private static async Task RecordIndexHashAsync(string dataDirectory, string sha256)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, EmbeddedSightingStore.DatabaseFileName),
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE collections SET index_sha256 = $sha256";
        command.Parameters.AddWithValue("$sha256", sha256);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static string IndexPath(string dataDirectory) =>
        Path.Combine(dataDirectory, "collections", "model-a", "vectors.usearch");

    private static SightingSearchRequest Request(float[] query, int topK) =>
        new() { ModelId = "model-a", QueryVector = query, TopK = topK };
}
