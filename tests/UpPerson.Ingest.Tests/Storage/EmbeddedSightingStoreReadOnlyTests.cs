using UpPerson.Storage.Embedded;

namespace UpPerson.Ingest.Tests.Storage;

/// <summary>Searches and statistics on a folder that another store is writing to.</summary>
public sealed class EmbeddedSightingStoreReadOnlyTests
{
    private const int Dimensions = 8;

    [Fact]
    public async Task OpenAsync_ReadOnlyWhileWriterOpen_SeesCommittedSightings()
    {
        using var folder = new TempDirectory();
        await using var writer = await TestStores.OpenAsync(folder.Path, indexSaveAfterWrites: 1_000_000);
        var vectors = SightingFactory.RandomUnitVectors(30, Dimensions, seed: 4);
        var sightings = vectors.Select((vector, index) => SightingFactory.Create("gate", index, vector)).ToList();
        await writer.WriteAsync(sightings, CancellationToken.None);

        await using var reader = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0, readOnly: true);
        var stats = await reader.GetStatsAsync(CancellationToken.None);
        var hits = await reader.SearchAsync(
            new SightingSearchRequest { ModelId = "model-a", QueryVector = vectors[7], TopK = 1 },
            CancellationToken.None);

        Assert.Equal(30, stats.TotalSightings);
        Assert.Equal(sightings[7].Id, Assert.Single(hits).Sighting.Id);
        Assert.Equal(1.0, hits[0].Score, 1e-5);
    }

    [Fact]
    public async Task WriteAsync_ReadOnlyStore_FailsWithoutWriting()
    {
        using var folder = new TempDirectory();
        var vector = SightingFactory.RandomUnitVectors(1, Dimensions, seed: 5)[0];
        await using (var writer = await TestStores.OpenAsync(folder.Path))
        {
            await writer.WriteAsync([SightingFactory.Create("gate", 0, vector)], CancellationToken.None);
        }

        await using var reader = await TestStores.OpenAsync(folder.Path, readOnly: true);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await reader.WriteAsync([SightingFactory.Create("gate", 1, vector)], CancellationToken.None));

        Assert.Contains("read-only", error.Message);
        Assert.Equal(1, (await reader.GetStatsAsync(CancellationToken.None)).TotalSightings);
    }

    [Fact]
    public async Task OpenAsync_ReadOnlyOnEmptyFolder_NamesMissingDatabase()
    {
        using var folder = new TempDirectory();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => TestStores.OpenAsync(folder.Path, readOnly: true));

        Assert.Contains(EmbeddedSightingStore.DatabaseFileName, error.Message);
        Assert.False(File.Exists(Path.Combine(folder.Path, EmbeddedSightingStore.DatabaseFileName)));
    }

    [Fact]
    public async Task OpenAsync_SecondWriter_ErrorPointsToReadOnlySearches()
    {
        using var folder = new TempDirectory();
        await using var writer = await TestStores.OpenAsync(folder.Path);

        var error = await Assert.ThrowsAsync<IOException>(() => TestStores.OpenAsync(folder.Path));

        Assert.Contains("already open for writing", error.Message);
        Assert.Contains("read-only", error.Message);
    }
}
