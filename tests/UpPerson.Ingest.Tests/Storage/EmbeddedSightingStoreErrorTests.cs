using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using UpPerson.Storage.Embedded;

namespace UpPerson.Ingest.Tests.Storage;

/// <summary>Bad input and bad files give exceptions whose messages name the offending value.</summary>
public sealed class EmbeddedSightingStoreErrorTests
{
    [Fact]
    public async Task SearchAsync_WrongDimension_NamesBothSizes()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        await store.WriteAsync([SightingFactory.Create("cam-1", 1, [0f, 0f, 0f, 1f])], CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.SearchAsync(new SightingSearchRequest { ModelId = "model-a", QueryVector = [0f, 0f, 1f] }, CancellationToken.None));

        Assert.Contains("3 dimensions", error.Message);
        Assert.Contains("4-dimensional", error.Message);
        Assert.Contains("'model-a'", error.Message);
    }

    [Fact]
    public async Task SearchAsync_UnknownModel_ListsKnownIds()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        await store.WriteAsync([SightingFactory.Create("cam-1", 1, [1f, 0f])], CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.SearchAsync(new SightingSearchRequest { ModelId = "model-z", QueryVector = [1f, 0f] }, CancellationToken.None));

        Assert.Contains("'model-z'", error.Message);
        Assert.Contains("model-a", error.Message);
    }

    [Fact]
    public async Task SearchAsync_EmptyStore_SaysStoreIsEmpty()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.SearchAsync(new SightingSearchRequest { ModelId = "model-a", QueryVector = [1f] }, CancellationToken.None));

        Assert.Contains("'model-a'", error.Message);
        Assert.Contains("store is empty", error.Message);
    }

    [Theory]
    [InlineData(0, "TopK 0")]
    [InlineData(EmbeddedSightingStore.MaxTopK + 1, "TopK 10001")]
    public async Task SearchAsync_TopKOutOfRange_NamesValue(int topK, string expectedText)
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        await store.WriteAsync([SightingFactory.Create("cam-1", 1, [1f, 0f])], CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.SearchAsync(new SightingSearchRequest { ModelId = "model-a", QueryVector = [1f, 0f], TopK = topK }, CancellationToken.None));

        Assert.Contains(expectedText, error.Message);
    }

    [Fact]
    public async Task SearchAsync_UnnormalisedQuery_NamesNorm()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        await store.WriteAsync([SightingFactory.Create("cam-1", 1, [1f, 0f])], CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.SearchAsync(new SightingSearchRequest { ModelId = "model-a", QueryVector = [3f, 4f] }, CancellationToken.None));

        Assert.Contains("L2 norm 5", error.Message);
    }

    [Fact]
    public async Task SearchAsync_EmptyTimeRange_NamesBounds()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        await store.WriteAsync([SightingFactory.Create("cam-1", 1, [1f, 0f])], CancellationToken.None);
        var instant = SightingFactory.BaseTime;

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.SearchAsync(
                new SightingSearchRequest { ModelId = "model-a", QueryVector = [1f, 0f], FromUtc = instant, ToUtc = instant },
                CancellationToken.None));

        Assert.Contains("2024-05-01T08:00:00", error.Message);
    }

    [Fact]
    public async Task WriteAsync_WrongDimension_RejectsWholeBatch()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        await store.WriteAsync([SightingFactory.Create("cam-1", 1, [1f, 0f])], CancellationToken.None);
        var good = SightingFactory.Create("cam-1", 2, [0f, 1f]);
        var wrongSize = SightingFactory.Create("cam-1", 3, [0f, 0f, 1f]);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            async () => await store.WriteAsync([good, wrongSize], CancellationToken.None));

        Assert.Contains(wrongSize.Id, error.Message);
        Assert.Contains("3-dimensional", error.Message);
        Assert.Contains("2-dimensional", error.Message);
        Assert.Equal(1, (await store.GetStatsAsync(CancellationToken.None)).TotalSightings);
    }

    [Fact]
    public async Task WriteAsync_UnnormalisedEmbedding_NamesSightingAndNorm()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        var sighting = SightingFactory.Create("cam-1", 1, [0.5f, 0.5f]);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            async () => await store.WriteAsync([sighting], CancellationToken.None));

        Assert.Contains(sighting.Id, error.Message);
        Assert.Contains("L2 norm 0.707107", error.Message);
    }

    [Fact]
    public async Task WriteAsync_PathInModelId_IsRejected()
    {
        using var folder = new TempDirectory();
        await using var store = await TestStores.OpenAsync(folder.Path);
        var sighting = SightingFactory.Create("cam-1", 1, [1f, 0f], modelId: "../escape");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            async () => await store.WriteAsync([sighting], CancellationToken.None));

        Assert.Contains("'../escape'", error.Message);
    }

    [Fact]
    public async Task OpenAsync_DatabaseNotSqlite_NamesPath()
    {
        using var folder = new TempDirectory();
        var databasePath = Path.Combine(folder.Path, EmbeddedSightingStore.DatabaseFileName);
        await File.WriteAllTextAsync(databasePath, "This is a text file, not a SQLite database. It is long enough to hold a header.");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TestStores.OpenAsync(folder.Path));

        Assert.Contains(databasePath, error.Message);
        Assert.Contains("not a readable SQLite database", error.Message);
    }

    [Fact]
    public async Task OpenAsync_NewerSchema_NamesVersion()
    {
        using var folder = new TempDirectory();
        await (await TestStores.OpenAsync(folder.Path)).DisposeAsync();
        var databasePath = Path.Combine(folder.Path, EmbeddedSightingStore.DatabaseFileName);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => TestStores.OpenAsync(folder.Path));

        Assert.Contains("schema version 99", error.Message);
        Assert.Contains(databasePath, error.Message);
    }

    [Fact]
    public async Task OpenAsync_FolderAlreadyOpen_NamesFolder()
    {
        using var folder = new TempDirectory();
        await using var first = await TestStores.OpenAsync(folder.Path);

        var error = await Assert.ThrowsAsync<IOException>(() => TestStores.OpenAsync(folder.Path));

        Assert.Contains(folder.Path, error.Message);
        Assert.Contains("already open", error.Message);
    }

    [Fact]
    public async Task OpenAsync_InvalidOptions_ListsEveryKey()
    {
        var options = new EmbeddedSightingStoreOptions
        {
            DataDirectory = " ",
            IndexSaveAfterWrites = 0,
            IndexSaveInterval = TimeSpan.Zero,
            ExactScanMaxRows = -1,
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => EmbeddedSightingStore.OpenAsync(options, NullLogger<EmbeddedSightingStore>.Instance, CancellationToken.None));

        Assert.Contains("EmbeddedStore:DataDirectory", error.Message);
        Assert.Contains("EmbeddedStore:IndexSaveAfterWrites is 0", error.Message);
        Assert.Contains("EmbeddedStore:IndexSaveInterval is 00:00:00", error.Message);
        Assert.Contains("EmbeddedStore:ExactScanMaxRows is -1", error.Message);
    }

    [Fact]
    public async Task SearchAsync_AfterDispose_ThrowsObjectDisposed()
    {
        using var folder = new TempDirectory();
        var store = await TestStores.OpenAsync(folder.Path);
        await store.WriteAsync([SightingFactory.Create("cam-1", 1, [1f, 0f])], CancellationToken.None);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => store.SearchAsync(new SightingSearchRequest { ModelId = "model-a", QueryVector = [1f, 0f] }, CancellationToken.None));
    }
}
