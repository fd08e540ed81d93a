using System.Diagnostics;
using System.Security.Cryptography;
using Cloud.Unum.USearch;

namespace UpPerson.Storage.Embedded;

/// <summary>
/// In-memory USearch index of one model's embeddings (cosine metric, float32), keyed by
/// <c>embeddings.vector_key</c>, plus the bookkeeping that decides when its file is saved.
/// </summary>
/// <remarks>
/// Searches take the read lock and may run concurrently. Changes take the write lock. Changes and
/// saves only happen under the store's write gate, so the save bookkeeping has a single writer.
/// </remarks>
internal sealed class VectorCollection : IDisposable
{
    public const string IndexFileName = "vectors.usearch";

    // Never disposed: a search that arrives after Dispose must still be able to take it and see _disposed.
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly USearchIndex _index;

    // USearch 2.26 reserves one search context per hardware thread (std::thread::hardware_concurrency)
    // along with the index capacity. A search that finds none free fails with "Reserve capacity ahead
    // of searches!". Environment.ProcessorCount does not exceed that count, so it bounds searches safely.
    private readonly SemaphoreSlim _searchSlots = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private bool _disposed;

    private VectorCollection(string modelId, int dimensions, string indexPath, USearchIndex index, long watermark)
    {
        ModelId = modelId;
        Dimensions = dimensions;
        IndexPath = indexPath;
        _index = index;
        Watermark = watermark;
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public string IndexPath { get; }

    /// <summary>Where a save writes before the atomic rename onto <see cref="IndexPath"/>.</summary>
    public string TempIndexPath => IndexPath + ".tmp";

    /// <summary>Highest write sequence number whose embeddings for this model are all in the index.</summary>
    public long Watermark { get; private set; }

    /// <summary>Embeddings applied since the last save (or since open, for caught-up rows).</summary>
    public int UnsavedWrites { get; private set; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> of the oldest unsaved change, or null when nothing is unsaved.</summary>
    public long? OldestUnsavedTimestamp { get; private set; }

    /// <summary>Set when an update failed half-way: the index may miss committed rows, so it must not be saved.</summary>
    public bool IsSuspect { get; private set; }

    public long Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return checked((long)_index.Size());
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public static string GetIndexPath(string dataDirectory, string modelId) =>
        Path.Combine(dataDirectory, "collections", modelId, IndexFileName);

    public static VectorCollection CreateEmpty(string modelId, int dimensions, string indexPath, long watermark) =>
        new(modelId, dimensions, indexPath, CreateIndex(dimensions), watermark);

    /// <summary>Takes ownership of an index loaded from <paramref name="indexPath"/>.</summary>
    public static VectorCollection FromLoaded(string modelId, string indexPath, USearchIndex index, long watermark) =>
        new(modelId, checked((int)index.Dimensions()), indexPath, index, watermark);

    public static USearchIndex CreateIndex(int dimensions) =>
        new(MetricKind.Cos, ScalarKind.Float32, checked((ulong)dimensions));

    /// <summary>
    /// Inserts or replaces embeddings, whose keys must be distinct within the call. Advances the watermark
    /// to <paramref name="watermark"/>.
    /// </summary>
    public void Upsert(IReadOnlyList<IndexedEmbedding> embeddings, long watermark)
    {
        if (embeddings.Count == 0)
        {
            Watermark = Math.Max(Watermark, watermark);
            return;
        }

        var keys = new ulong[embeddings.Count];
        var vectors = new float[embeddings.Count][];
        for (var i = 0; i < embeddings.Count; i++)
        {
            keys[i] = embeddings[i].Key;
            vectors[i] = embeddings[i].Vector;
            if (vectors[i].Length != Dimensions)
            {
                // USearch reads Dimensions floats from the array without checking its length.
                throw new ArgumentException(
                    $"Embedding for index key {keys[i]} has {vectors[i].Length} dimensions, but collection '{ModelId}' contains {Dimensions}.",
                    nameof(embeddings));
            }
        }

        _lock.EnterWriteLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Without multi-key mode USearch rejects an existing key, so a replaced vector is removed first.
            foreach (var key in keys)
            {
                if (_index.Contains(key))
                {
                    _index.Remove(key);
                }
            }

            // The batch overload reserves capacity once, while single adds grow it by one slot per call.
            _index.Add(keys, vectors);
            Watermark = Math.Max(Watermark, watermark);
            UnsavedWrites += embeddings.Count;
            OldestUnsavedTimestamp ??= Stopwatch.GetTimestamp();
        }
        catch
        {
            IsSuspect = true;
            throw;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Returns up to <paramref name="count"/> keys nearest to the query with their cosine distances (1 - cosine), closest first.</summary>
    public async Task<(ulong[] Keys, float[] Distances)> SearchAsync(float[] query, int count, CancellationToken cancellationToken)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException(
                $"Query vector has {query.Length} dimensions, but collection '{ModelId}' contains {Dimensions}.",
                nameof(query));
        }

        await _searchSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _lock.EnterReadLock();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _index.Search(query, count, out var keys, out var distances);
                return (keys, distances);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        finally
        {
            _searchSlots.Release();
        }
    }

    /// <summary>
    /// Writes the index to <see cref="TempIndexPath"/>, hashes it and renames it onto
    /// <see cref="IndexPath"/>, so a crash leaves either the old file or the new one. Returns the
    /// lower-case hex SHA-256 of the saved file.
    /// </summary>
    public string Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(IndexPath)!);

        _lock.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _index.Save(TempIndexPath);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        string sha256;
        using (var stream = File.OpenRead(TempIndexPath))
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        File.Move(TempIndexPath, IndexPath, overwrite: true);
        UnsavedWrites = 0;
        OldestUnsavedTimestamp = null;
        return sha256;
    }

    /// <summary>Counts rows added from SQLite on open as unsaved, so the next save includes them.</summary>
    public void MarkUnsaved(int count)
    {
        if (count > 0)
        {
            UnsavedWrites += count;
            OldestUnsavedTimestamp ??= Stopwatch.GetTimestamp();
        }
    }

    public void Dispose()
    {
        _lock.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _index.Dispose();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
