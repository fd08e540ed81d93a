using System.Collections.Concurrent;
using System.Diagnostics;
using Cloud.Unum.USearch;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using UpPerson.Contracts;

namespace UpPerson.Storage.Embedded;

/// <summary>
/// Sighting store on local disk. SQLite (WAL) stores every sighting and embedding and is the source
/// of truth. One USearch index per model id serves nearest-neighbour search and is saved as a cache.
/// </summary>
/// <remarks>
/// Layout: <c>&lt;data&gt;/sightings.db</c>, <c>&lt;data&gt;/collections/&lt;modelId&gt;/vectors.usearch</c>
/// and <c>&lt;data&gt;/store.lock</c>. A completed <see cref="WriteAsync"/> is committed to SQLite.
/// An index file lost or outdated by a crash is caught up or rebuilt from SQLite on the next open.
/// Writes run one at a time, while searches and reads run concurrently with them and each other.
/// </remarks>
public sealed class EmbeddedSightingStore : ISightingSink, IDisposable, IAsyncDisposable
{
    public const string DatabaseFileName = "sightings.db";

    public const int MaxTopK = 10_000;

    private readonly EmbeddedSightingStoreOptions _options;
    private readonly ILogger _logger;
    private readonly DataDirectoryLock? _directoryLock;
    private readonly StoreDatabase _database;
    private readonly SightingWriter _writer;
    private readonly SightingReader _reader;
    private readonly FilteredVectorSearch _search;
    private readonly ConcurrentDictionary<string, VectorCollection> _collections = new(StringComparer.Ordinal);

    // Never disposed, so a write waiting on it when the store closes wakes up and finds _disposed set.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    private EmbeddedSightingStore(
        EmbeddedSightingStoreOptions options,
        string dataDirectory,
        DataDirectoryLock? directoryLock,
        StoreDatabase database,
        ILogger logger)
    {
        _options = options;
        DataDirectory = dataDirectory;
        _directoryLock = directoryLock;
        _database = database;
        _logger = logger;
        _writer = new SightingWriter(database);
        _reader = new SightingReader(database);
        _search = new FilteredVectorSearch(_reader, options.ExactScanMaxRows);
    }

    /// <summary>Absolute path of the data folder.</summary>
    public string DataDirectory { get; }

    public string DatabasePath => _database.DatabasePath;

    /// <summary>Model ids that have a collection, in ordinal order.</summary>
    public IReadOnlyList<string> ModelIds => _collections.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Opens the store in <see cref="EmbeddedSightingStoreOptions.DataDirectory"/>, creating it when
    /// missing, and brings every collection's index up to date with SQLite.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid. The message lists every problem.</exception>
    /// <exception cref="InvalidDataException"><c>sightings.db</c> is not a SQLite database or not a sighting store.</exception>
    /// <exception cref="NotSupportedException"><c>sightings.db</c> was written by a newer schema.</exception>
    /// <exception cref="IOException">Another store has the folder open.</exception>
    public static async Task<EmbeddedSightingStore> OpenAsync(
        EmbeddedSightingStoreOptions options,
        ILogger<EmbeddedSightingStore> logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "Embedded sighting store options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors),
                nameof(options));
        }

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var databasePath = Path.Combine(dataDirectory, DatabaseFileName);
        if (options.ReadOnly && !File.Exists(databasePath))
        {
            throw new FileNotFoundException(
                $"No sighting store in '{dataDirectory}': {DatabaseFileName} is missing, and a read-only store cannot create it. " +
                "Index sightings into the folder first.",
                databasePath);
        }

        DataDirectoryLock? directoryLock = null;
        if (!options.ReadOnly)
        {
            Directory.CreateDirectory(dataDirectory);
            directoryLock = DataDirectoryLock.Acquire(dataDirectory);
        }

        StoreDatabase? database = null;
        EmbeddedSightingStore? store = null;
        try
        {
            database = StoreDatabase.Open(databasePath, logger, options.ReadOnly);
            store = new EmbeddedSightingStore(options, dataDirectory, directoryLock, database, logger);
            await store.LoadCollectionsAsync(cancellationToken).ConfigureAwait(false);

            var sightingCount = await store._reader.CountSightingsAsync(cancellationToken).ConfigureAwait(false);
            EmbeddedStoreLog.StoreOpened(logger, dataDirectory, database.SchemaVersion, sightingCount, store._collections.Count);
            return store;
        }
        catch
        {
            if (store is not null)
            {
                store.ReleaseResources();
            }
            else
            {
                database?.Dispose();
                directoryLock?.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Upserts the sightings by id in one SQLite transaction, so they are durable once it completes.
    /// The same id written twice keeps one row with the latest values. A new model id starts a new
    /// collection whose dimension count is fixed by its first embedding.
    /// </summary>
    /// <exception cref="ArgumentException">A sighting is invalid, and nothing of the batch is written.</exception>
    public async ValueTask WriteAsync(IReadOnlyList<Sighting> sightings, CancellationToken cancellationToken)
    {
        if (_options.ReadOnly)
        {
            throw new InvalidOperationException($"The sighting store in '{DataDirectory}' was opened read-only; open it without ReadOnly to write.");
        }

        ArgumentNullException.ThrowIfNull(sightings);
        ThrowIfDisposed();
        for (var i = 0; i < sightings.Count; i++)
        {
            InputValidation.ValidateSighting(sightings[i], i, nameof(sightings));
        }

        if (sightings.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            var newCollections = FindNewCollections(sightings);
            var committed = _writer.Upsert(sightings, newCollections, cancellationToken);

            foreach (var created in newCollections)
            {
                var indexPath = VectorCollection.GetIndexPath(DataDirectory, created.ModelId);
                _collections[created.ModelId] = VectorCollection.CreateEmpty(created.ModelId, created.Dimensions, indexPath, watermark: 0);
                EmbeddedStoreLog.CollectionCreated(_logger, created.ModelId, created.Dimensions);
            }

            ApplyToIndexes(committed);
            SaveDueCollections();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Returns the <see cref="SightingSearchRequest.TopK"/> sightings of the request's collection
    /// closest to the query among those that pass its filters, by cosine similarity descending and
    /// then sighting id ascending.
    /// </summary>
    /// <remarks>
    /// When the filters match at most <see cref="EmbeddedSightingStoreOptions.ExactScanMaxRows"/>
    /// embeddings, every match is scored and the result is exact. Otherwise candidates come from the
    /// approximate HNSW index, so a true neighbour can occasionally be missed.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The model id has no collection, the query has the wrong size or is not normalised, or a filter is invalid.
    /// </exception>
    public async Task<IReadOnlyList<SightingSearchHit>> SearchAsync(SightingSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfDisposed();

        var collection = GetCollection(request.ModelId, nameof(request));
        ValidateRequest(request, collection);

        var filter = new SightingFilter(request.CameraIds, request.FromUtc, request.ToUtc);
        return await _search.SearchAsync(collection, request.QueryVector, request.TopK, filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a sighting with the embedding written most recently for it under any model, or null for an unknown id.</summary>
    public Task<Sighting?> GetAsync(string sightingId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sightingId);
        ThrowIfDisposed();
        return _reader.GetAsync(sightingId, modelId: null, cancellationToken);
    }

    /// <summary>Reads a sighting with its embedding under <paramref name="modelId"/>, or null when that pair is not stored.</summary>
    public Task<Sighting?> GetAsync(string sightingId, string modelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sightingId);
        ThrowIfDisposed();
        GetCollection(modelId, nameof(modelId));
        return _reader.GetAsync(sightingId, modelId, cancellationToken);
    }

    /// <summary>
    /// Reads a stored embedding, to search for sightings that look like it ("more like this").
    /// Returns null when the sighting has no embedding under <paramref name="modelId"/>.
    /// </summary>
    public async Task<float[]?> GetEmbeddingAsync(string sightingId, string modelId, CancellationToken cancellationToken)
    {
        var sighting = await GetAsync(sightingId, modelId, cancellationToken).ConfigureAwait(false);
        return sighting?.Embedding;
    }

    /// <summary>Counts sightings in total, per camera with their time span, and embeddings per model id.</summary>
    public Task<SightingStoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _reader.GetStatsAsync(cancellationToken);
    }

    /// <summary>Saves every index with unsaved changes, then closes the database and releases the folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _writeGate.Wait();
        try
        {
            SaveCollections(onlyDue: false);
        }
        finally
        {
            ReleaseResources();
            _writeGate.Release();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            SaveCollections(onlyDue: false);
        }
        finally
        {
            ReleaseResources();
            _writeGate.Release();
        }
    }

    private async Task LoadCollectionsAsync(CancellationToken cancellationToken)
    {
        _writer.LoadLastWriteSeq();
        var loader = new VectorCollectionLoader(_reader, _logger);
        var records = await _reader.ReadCollectionsAsync(cancellationToken).ConfigureAwait(false);

        foreach (var record in records)
        {
            var (collection, rebuilt) = await loader.LoadAsync(DataDirectory, record, _writer.LastWriteSeq, cancellationToken).ConfigureAwait(false);
            _collections[record.ModelId] = collection;

            // Saving right after a rebuild spares the next open from rebuilding again. A read-only
            // store leaves the file to the writer.
            if (rebuilt && !_options.ReadOnly)
            {
                TrySave(collection);
            }
        }
    }

    private List<NewCollection> FindNewCollections(IReadOnlyList<Sighting> sightings)
    {
        var created = new Dictionary<string, NewCollection>(StringComparer.Ordinal);
        foreach (var sighting in sightings)
        {
            int dimensions;
            if (_collections.TryGetValue(sighting.ModelId, out var existing))
            {
                dimensions = existing.Dimensions;
            }
            else if (created.TryGetValue(sighting.ModelId, out var pending))
            {
                dimensions = pending.Dimensions;
            }
            else
            {
                created.Add(sighting.ModelId, new NewCollection(sighting.ModelId, sighting.Embedding.Length));
                continue;
            }

            if (sighting.Embedding.Length != dimensions)
            {
                throw new ArgumentException(
                    $"Sighting '{sighting.Id}' has a {sighting.Embedding.Length}-dimensional embedding, but collection " +
                    $"'{sighting.ModelId}' contains {dimensions}-dimensional embeddings. Check that ModelId names the " +
                    "model bundle that produced the embedding.",
                    nameof(sightings));
            }
        }

        return created.Values.ToList();
    }

    private void ApplyToIndexes(IReadOnlyList<CommittedEmbedding> committed)
    {
        var watermark = _writer.LastWriteSeq;
        foreach (var group in committed.GroupBy(embedding => embedding.ModelId, StringComparer.Ordinal))
        {
            // A batch may repeat a sighting id. The later embedding replaces the earlier one, as in SQLite.
            var latestByKey = new Dictionary<ulong, IndexedEmbedding>();
            foreach (var embedding in group)
            {
                latestByKey[embedding.Key] = new IndexedEmbedding(embedding.Key, embedding.Vector, watermark);
            }

            var collection = _collections[group.Key];
            try
            {
                collection.Upsert(latestByKey.Values.ToList(), watermark);
            }
            catch (Exception exception)
            {
                EmbeddedStoreLog.IndexUpdateFailed(_logger, exception, collection.ModelId);
                _writer.RecordIndexSave(collection.ModelId, watermark: 0, sha256: null);
                throw;
            }
        }
    }

    private void SaveDueCollections() => SaveCollections(onlyDue: true);

    private void SaveCollections(bool onlyDue)
    {
        if (_options.ReadOnly)
        {
            return;
        }

        foreach (var collection in _collections.Values)
        {
            if (collection.UnsavedWrites == 0 || collection.IsSuspect)
            {
                continue;
            }

            var due = !onlyDue
                || collection.UnsavedWrites >= _options.IndexSaveAfterWrites
                || Stopwatch.GetElapsedTime(collection.OldestUnsavedTimestamp!.Value) >= _options.IndexSaveInterval;
            if (due)
            {
                TrySave(collection);
            }
        }
    }

    // The index file is a cache of committed rows: a failed save is logged and the write that
    // triggered it still succeeds, because the next open catches up or rebuilds from SQLite.
    private void TrySave(VectorCollection collection)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var sha256 = collection.Save();
            _writer.RecordIndexSave(collection.ModelId, collection.Watermark, sha256);
            EmbeddedStoreLog.IndexSaved(_logger, collection.ModelId, collection.IndexPath, collection.Count, collection.Watermark, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or USearchException or SqliteException)
        {
            EmbeddedStoreLog.IndexSaveFailed(_logger, exception, collection.ModelId, collection.IndexPath);
        }
    }

    private VectorCollection GetCollection(string? modelId, string parameterName)
    {
        InputValidation.ValidateModelId(modelId, parameterName);
        if (_collections.TryGetValue(modelId!, out var collection))
        {
            return collection;
        }

        var known = ModelIds;
        var knownText = known.Count == 0 ? "none, the store is empty" : string.Join(", ", known);
        throw new ArgumentException(
            $"Model id '{modelId}' has no collection in '{DataDirectory}' (known model ids: {knownText}). Use the id of " +
            "the model bundle that indexed the sightings, or index sightings with this model first.",
            parameterName);
    }

    private static void ValidateRequest(SightingSearchRequest request, VectorCollection collection)
    {
        if (request.QueryVector is { Length: > 0 } query && query.Length != collection.Dimensions)
        {
            throw new ArgumentException(
                $"Query vector has {query.Length} dimensions, but collection '{collection.ModelId}' contains " +
                $"{collection.Dimensions}-dimensional embeddings. Embed the query with the encoder of model '{collection.ModelId}'.",
                nameof(request));
        }

        InputValidation.ValidateUnitVector(request.QueryVector, "Query vector", nameof(request));

        if (request.TopK is < 1 or > MaxTopK)
        {
            throw new ArgumentException($"TopK {request.TopK} is out of range; use 1 to {MaxTopK}.", nameof(request));
        }

        if (request.CameraIds is not null)
        {
            if (request.CameraIds.Count == 0)
            {
                throw new ArgumentException(
                    "CameraIds is an empty set, which matches no sighting; pass null to search all cameras.",
                    nameof(request));
            }

            if (request.CameraIds.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException(
                    "CameraIds contains a null or blank camera id; remove it, or pass null to search all cameras.",
                    nameof(request));
            }
        }

        if (request.FromUtc is { } from && request.ToUtc is { } to && from >= to)
        {
            throw new ArgumentException(
                $"Time range [{from:O}, {to:O}) is empty; FromUtc must be earlier than ToUtc.",
                nameof(request));
        }
    }

    private void ReleaseResources()
    {
        foreach (var collection in _collections.Values)
        {
            collection.Dispose();
        }

        _database.Dispose();
        _directoryLock?.Dispose();
        EmbeddedStoreLog.StoreClosed(_logger, DataDirectory);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
