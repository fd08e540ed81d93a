using UpPerson.Contracts;
using UpPerson.Storage.Embedded;

namespace UpPerson.Ingest.Tests.Storage;

public sealed class EmbeddedSightingStoreStatsTests
{
    [Fact]
    public async Task GetStatsAsync_CamerasAndModels_CountsEach()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        var vectors = SightingFactory.RandomUnitVectors(12, 6, seed: 8);

        // gate: seconds 0..4, lobby: 10..16 (two of them also under model-b), yard: 100.
        var gate = Enumerable.Range(0, 5).Select(i => SightingFactory.Create("gate", i, vectors[i]));
        var lobby = Enumerable.Range(0, 6).Select(i => SightingFactory.Create("lobby", 10 + i + (i == 5 ? 1 : 0), vectors[5 + i])).ToList();
        var yard = SightingFactory.Create("yard", 100, vectors[11]);
        var reindexed = lobby.Take(2).Select(s => s with { ModelId = "model-b", Embedding = [0f, 0f, 1f] });
        await store.WriteAsync([.. gate, .. lobby, yard], CancellationToken.None);
        await store.WriteAsync([.. reindexed], CancellationToken.None);

        var stats = await store.GetStatsAsync(CancellationToken.None);

        Assert.Equal(12, stats.TotalSightings);
        Assert.Equal(3, stats.DistinctCameras);
        Assert.Equal(
            [
                new CameraSightingStats("gate", 5, SightingFactory.BaseTime, SightingFactory.BaseTime.AddSeconds(4)),
                new CameraSightingStats("lobby", 6, SightingFactory.BaseTime.AddSeconds(10), SightingFactory.BaseTime.AddSeconds(16)),
                new CameraSightingStats("yard", 1, SightingFactory.BaseTime.AddSeconds(100), SightingFactory.BaseTime.AddSeconds(100)),
            ],
            stats.Cameras);
        Assert.Equal([new CollectionStats("model-a", 6, 12), new CollectionStats("model-b", 3, 2)], stats.Collections);
    }

    [Fact]
    public async Task GetStatsAsync_EmptyStore_ReturnsZeros()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);

        var stats = await store.GetStatsAsync(CancellationToken.None);

        Assert.Equal(0, stats.TotalSightings);
        Assert.Equal(0, stats.DistinctCameras);
        Assert.Empty(stats.Cameras);
        Assert.Empty(stats.Collections);
    }

    [Fact]
    public async Task GetStatsAsync_LocalOffset_ReportsUtc()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        var local = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2));
        var sighting = SightingFactory.Create("cam-1", 0, [1f, 0f]) with { TimestampUtc = local };
        await store.WriteAsync([sighting], CancellationToken.None);

        var camera = Assert.Single((await store.GetStatsAsync(CancellationToken.None)).Cameras);
        var stored = await store.GetAsync(sighting.Id, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), camera.FirstSeenUtc);
        Assert.Equal(TimeSpan.Zero, camera.FirstSeenUtc.Offset);
        Assert.Equal(TimeSpan.Zero, stored!.TimestampUtc.Offset);
        Assert.Equal(local, stored.TimestampUtc);
    }
}
