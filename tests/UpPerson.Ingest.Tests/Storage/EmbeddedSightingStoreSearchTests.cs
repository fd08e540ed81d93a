using UpPerson.Contracts;
using UpPerson.Storage.Embedded;

namespace UpPerson.Ingest.Tests.Storage;

public sealed class EmbeddedSightingStoreSearchTests
{
    private const double ScoreTolerance = 1e-5;

    [Theory]
    [InlineData(20_000)]
    [InlineData(0)]
    public async Task SearchAsync_HandComputedCosines_Match(int exactScanMaxRows)
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows);
        var a = SightingFactory.Create("cam-1", 1, [0.6f, 0.8f, 0f, 0f]);
        var b = SightingFactory.Create("cam-1", 2, [0f, 0f, 1f, 0f]);
        var c = SightingFactory.Create("cam-1", 3, [0.5f, 0.5f, 0.5f, 0.5f]);
        var d = SightingFactory.Create("cam-1", 4, [-1f, 0f, 0f, 0f]);
        await store.WriteAsync([a, b, c, d], CancellationToken.None);

        var alongX = await store.SearchAsync(Request([1f, 0f, 0f, 0f], topK: 4), CancellationToken.None);
        var diagonal = await store.SearchAsync(Request(SightingFactory.Normalize(1, 1, 0, 0), topK: 3), CancellationToken.None);

        // Cosines by hand: a·x = 0.6, c·x = 0.5, b·x = 0, d·x = -1. With (1,1,0,0)/√2: a 1.4/√2, c 1/√2, b 0.
        Assert.Equal([a.Id, c.Id, b.Id, d.Id], alongX.Select(hit => hit.Sighting.Id));
        Assert.Equal(0.6, alongX[0].Score, ScoreTolerance);
        Assert.Equal(0.5, alongX[1].Score, ScoreTolerance);
        Assert.Equal(0.0, alongX[2].Score, ScoreTolerance);
        Assert.Equal(-1.0, alongX[3].Score, ScoreTolerance);

        Assert.Equal([a.Id, c.Id, b.Id], diagonal.Select(hit => hit.Sighting.Id));
        Assert.Equal(1.4 / Math.Sqrt(2), diagonal[0].Score, ScoreTolerance);
        Assert.Equal(1.0 / Math.Sqrt(2), diagonal[1].Score, ScoreTolerance);
        Assert.Equal(0.0, diagonal[2].Score, ScoreTolerance);
    }

    [Fact]
    public async Task SearchAsync_Hit_CarriesStoredMetadata()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        var written = SightingFactory.Create("cam-7", 42, [0f, 1f, 0f], trackId: 314);
        await store.WriteAsync([written], CancellationToken.None);

        var hit = Assert.Single(await store.SearchAsync(Request([0f, 1f, 0f], topK: 5), CancellationToken.None));

        Assert.Equal(written.Id, hit.Sighting.Id);
        Assert.Equal("cam-7", hit.Sighting.CameraId);
        Assert.Equal(written.TimestampUtc, hit.Sighting.TimestampUtc);
        Assert.Equal(TimeSpan.Zero, hit.Sighting.TimestampUtc.Offset);
        Assert.Equal(420, hit.Sighting.FrameIndex);
        Assert.Equal(written.Box, hit.Sighting.Box);
        Assert.Equal(314, hit.Sighting.TrackId);
        Assert.Equal(0.9f, hit.Sighting.DetectionScore);
        Assert.Equal("crops/cam-7/42.jpg", hit.Sighting.CropPath);
        Assert.Equal("model-a", hit.Sighting.ModelId);
        Assert.Equal(written.Embedding, hit.Sighting.Embedding);
        Assert.Equal(Sighting.CurrentSchemaVersion, hit.Sighting.SchemaVersion);
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(0)]
    public async Task SearchAsync_EqualScores_OrderById(int exactScanMaxRows)
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows);
        var same = SightingFactory.Normalize(1, 2, 3);
        var sightings = Enumerable.Range(0, 12).Select(i => SightingFactory.Create($"cam-{i % 3}", i, same)).ToList();
        var farther = SightingFactory.Create("cam-0", 99, SightingFactory.Normalize(3, 2, 1));
        await store.WriteAsync([.. sightings.AsEnumerable().Reverse(), farther], CancellationToken.None);

        var first = await store.SearchAsync(Request(same, topK: 5), CancellationToken.None);
        var second = await store.SearchAsync(Request(same, topK: 5), CancellationToken.None);

        var expected = sightings.Select(s => s.Id).Order(StringComparer.Ordinal).Take(5).ToList();
        Assert.Equal(expected, first.Select(hit => hit.Sighting.Id));
        Assert.Equal(expected, second.Select(hit => hit.Sighting.Id));
        Assert.All(first, hit => Assert.Equal(1.0, hit.Score, ScoreTolerance));
    }

    public static TheoryData<string, int> FilterCases => new()
    {
        { "none", 10 },
        { "camera", 10 },
        { "cameras", 15 },
        { "from", 8 },
        { "to", 8 },
        { "range", 10 },
        { "camera+range", 10 },
        { "sparse", 25 },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task SearchAsync_Filters_MatchBruteForceOnExactScan(string filterName, int topK)
    {
        await AssertFiltersMatchBruteForceAsync(filterName, topK, exactScanMaxRows: 20_000);
    }

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task SearchAsync_Filters_MatchBruteForceThroughIndex(string filterName, int topK)
    {
        await AssertFiltersMatchBruteForceAsync(filterName, topK, exactScanMaxRows: 0);
    }

    [Fact]
    public async Task SearchAsync_FewMatches_ReturnsAll()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0);
        var vectors = SightingFactory.RandomUnitVectors(60, 8, seed: 5);
        var sightings = vectors.Select((vector, i) => SightingFactory.Create(i < 3 ? "rare" : "busy", i, vector)).ToList();
        await store.WriteAsync(sightings, CancellationToken.None);

        var hits = await store.SearchAsync(Request(vectors[30], topK: 10) with { CameraIds = ["rare"] }, CancellationToken.None);

        Assert.Equal(
            SightingFactory.BruteForceTopK(sightings.Take(3), vectors[30], 10).Select(hit => hit.Id),
            hits.Select(hit => hit.Sighting.Id));
    }

    [Fact]
    public async Task SearchAsync_DistantMatches_WidensSearch()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows: 0);

        // 300 "busy" embeddings lie near the query and 30 "quiet" ones far from it, so the first
        // oversampled candidate set (10 * 330 / 30 * 2 = 220 nearest) contains no quiet sighting.
        var random = new Random(3);
        var near = Enumerable.Range(0, 300)
            .Select(i => SightingFactory.Create("busy", i, SightingFactory.Normalize(10, random.NextDouble(), random.NextDouble(), random.NextDouble())));
        var far = Enumerable.Range(300, 30)
            .Select(i => SightingFactory.Create("quiet", i, SightingFactory.Normalize(random.NextDouble(), 10, random.NextDouble(), random.NextDouble())));
        var sightings = near.Concat(far).ToList();
        await store.WriteAsync(sightings, CancellationToken.None);
        float[] query = [1f, 0f, 0f, 0f];

        var hits = await store.SearchAsync(Request(query, topK: 10) with { CameraIds = ["quiet"] }, CancellationToken.None);

        var expected = SightingFactory.BruteForceTopK(sightings.Where(s => s.CameraId == "quiet"), query, 10);
        Assert.Equal(expected.Select(hit => hit.Id), hits.Select(hit => hit.Sighting.Id));
    }

    [Fact]
    public async Task SearchAsync_NoMatchingCamera_ReturnsEmpty()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        await store.WriteAsync([SightingFactory.Create("cam-1", 1, [1f, 0f])], CancellationToken.None);

        var hits = await store.SearchAsync(Request([1f, 0f], topK: 3) with { CameraIds = ["cam-404"] }, CancellationToken.None);

        Assert.Empty(hits);
    }

    [Fact]
    public async Task SearchAsync_TwoModelIds_KeepsCollectionsSeparate()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        var underA = SightingFactory.Create("cam-1", 1, [1f, 0f, 0f], modelId: "model-a");
        var otherA = SightingFactory.Create("cam-1", 2, [0f, 1f, 0f], modelId: "model-a");
        var underB = underA with { ModelId = "model-b", Embedding = SightingFactory.Normalize(0, 3, 4) };
        await store.WriteAsync([underA, otherA, underB], CancellationToken.None);

        var fromA = await store.SearchAsync(Request([1f, 0f, 0f], topK: 10, modelId: "model-a"), CancellationToken.None);
        var fromB = await store.SearchAsync(Request([1f, 0f, 0f], topK: 10, modelId: "model-b"), CancellationToken.None);

        Assert.Equal([underA.Id, otherA.Id], fromA.Select(hit => hit.Sighting.Id));
        Assert.All(fromA, hit => Assert.Equal("model-a", hit.Sighting.ModelId));
        Assert.Equal(1.0, fromA[0].Score, ScoreTolerance);

        // Under model-b the same sighting id has the embedding (0, 0.6, 0.8), whose cosine with x is 0.
        var hitB = Assert.Single(fromB);
        Assert.Equal(underA.Id, hitB.Sighting.Id);
        Assert.Equal("model-b", hitB.Sighting.ModelId);
        Assert.Equal(0.0, hitB.Score, ScoreTolerance);
        Assert.Equal(["model-a", "model-b"], store.ModelIds);
    }

    [Fact]
    public async Task GetEmbeddingAsync_StoredSighting_FindsItselfFirst()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        var vectors = SightingFactory.RandomUnitVectors(40, 16, seed: 11);
        var sightings = vectors.Select((vector, i) => SightingFactory.Create("cam-1", i, vector)).ToList();
        await store.WriteAsync(sightings, CancellationToken.None);

        var embedding = await store.GetEmbeddingAsync(sightings[17].Id, "model-a", CancellationToken.None);
        var hits = await store.SearchAsync(Request(embedding!, topK: 3), CancellationToken.None);

        Assert.Equal(vectors[17], embedding);
        Assert.Equal(sightings[17].Id, hits[0].Sighting.Id);
        Assert.Equal(1.0, hits[0].Score, ScoreTolerance);
        Assert.Null(await store.GetEmbeddingAsync("no-such-sighting", "model-a", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_WithoutModelId_ReturnsLatestEmbedding()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        var underA = SightingFactory.Create("cam-1", 1, [1f, 0f], modelId: "model-a");
        var underB = underA with { ModelId = "model-b", Embedding = [0f, 1f, 0f] };
        await store.WriteAsync([underA], CancellationToken.None);
        await store.WriteAsync([underB], CancellationToken.None);

        var latest = await store.GetAsync(underA.Id, CancellationToken.None);
        var fromA = await store.GetAsync(underA.Id, "model-a", CancellationToken.None);

        Assert.NotNull(latest);
        Assert.Equal("model-b", latest.ModelId);
        Assert.Equal([0f, 1f, 0f], latest.Embedding);
        Assert.NotNull(fromA);
        Assert.Equal([1f, 0f], fromA.Embedding);
        Assert.Null(await store.GetAsync("unknown-id", CancellationToken.None));
    }

    private static async Task AssertFiltersMatchBruteForceAsync(string filterName, int topK, int exactScanMaxRows)
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path, exactScanMaxRows);
        const int count = 400;
        var vectors = SightingFactory.RandomUnitVectors(count, 24, seed: 20240501);
        var cameraOf = new[] { "cam-north", "cam-south", "cam-east", "cam-west", "cam-lobby" };

        // The lobby camera records one sighting in 20, which makes the "sparse" case widen its search.
        var sightings = vectors
            .Select((vector, i) => SightingFactory.Create(i % 20 == 0 ? "cam-lobby" : cameraOf[i % 4], i, vector))
            .ToList();
        foreach (var chunk in sightings.Chunk(64))
        {
            await store.WriteAsync(chunk, CancellationToken.None);
        }

        var from = SightingFactory.BaseTime.AddSeconds(100);
        var to = SightingFactory.BaseTime.AddSeconds(250);
        var (request, predicate) = filterName switch
        {
            "none" => (new SightingSearchRequest { ModelId = "model-a", QueryVector = [] }, (Func<Sighting, bool>)(_ => true)),
            "camera" => (Filter(cameraIds: ["cam-south"]), s => s.CameraId == "cam-south"),
            "cameras" => (Filter(cameraIds: ["cam-north", "cam-east"]), s => s.CameraId is "cam-north" or "cam-east"),
            "from" => (Filter(from: from), s => s.TimestampUtc >= from),
            "to" => (Filter(to: to), s => s.TimestampUtc < to),
            "range" => (Filter(from: from, to: to), s => s.TimestampUtc >= from && s.TimestampUtc < to),
            "camera+range" => (Filter(cameraIds: ["cam-west"], from: from, to: to),
                s => s.CameraId == "cam-west" && s.TimestampUtc >= from && s.TimestampUtc < to),
            "sparse" => (Filter(cameraIds: ["cam-lobby"]), s => s.CameraId == "cam-lobby"),
            _ => throw new ArgumentOutOfRangeException(nameof(filterName), filterName, "Unknown filter case."),
        };

        var queries = SightingFactory.RandomUnitVectors(8, 24, seed: 7);
        foreach (var query in queries)
        {
            var hits = await store.SearchAsync(request with { QueryVector = query, TopK = topK }, CancellationToken.None);
            var expected = SightingFactory.BruteForceTopK(sightings.Where(predicate), query, topK);

            Assert.Equal(expected.Select(hit => hit.Id), hits.Select(hit => hit.Sighting.Id));
            for (var i = 0; i < hits.Count; i++)
            {
                Assert.Equal(expected[i].Score, hits[i].Score, 1e-9);
                Assert.True(predicate(hits[i].Sighting), $"Hit {hits[i].Sighting.Id} does not pass filter '{filterName}'.");
            }
        }
    }

    private static SightingSearchRequest Filter(string[]? cameraIds = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        new() { ModelId = "model-a", QueryVector = [], CameraIds = cameraIds, FromUtc = from, ToUtc = to };

    private static SightingSearchRequest Request(float[] query, int topK, string modelId = "model-a") =>
        new() { ModelId = modelId, QueryVector = query, TopK = topK };
}
