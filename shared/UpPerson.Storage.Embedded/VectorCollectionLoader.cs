using System.Diagnostics;
using System.Security.Cryptography;
using Cloud.Unum.USearch;
using Microsoft.Extensions.Logging;

namespace UpPerson.Storage.Embedded;

/// <summary>
/// Brings a collection's index up to date on open: loads the saved file when it is the one the last
/// save recorded, adds the rows committed after its watermark, and otherwise rebuilds from SQLite.
/// </summary>
internal sealed class VectorCollectionLoader(SightingReader reader, ILogger logger)
{
    private const int BatchSize = 4096;

    /// <summary>Returns the up-to-date collection and whether it was rebuilt (and so should be saved now).</summary>
    public async Task<(VectorCollection Collection, bool Rebuilt)> LoadAsync(
        string dataDirectory,
        CollectionRecord record,
        long lastWriteSeq,
        CancellationToken cancellationToken)
    {
        var indexPath = VectorCollection.GetIndexPath(dataDirectory, record.ModelId);
        DeleteUnfinishedSave(indexPath);

        var (loaded, reason, detail) = TryLoadFile(record, indexPath);
        if (loaded is not null)
        {
            var collection = VectorCollection.FromLoaded(record.ModelId, indexPath, loaded, record.IndexWatermark);
            try
            {
                var caughtUp = await CatchUpAsync(collection, record, lastWriteSeq, cancellationToken).ConfigureAwait(false);
                var expected = await reader.CountEmbeddingsAsync(record.ModelId, SightingFilter.None, cancellationToken).ConfigureAwait(false);
                if (collection.Count == expected)
                {
                    EmbeddedStoreLog.IndexLoaded(logger, record.ModelId, indexPath, expected, caughtUp, record.IndexWatermark);
                    return (collection, false);
                }

                // NOTE: catching up only adds and replaces rows. Rows deleted from SQLite stay in a loaded
                // index, so this count check forces a full rebuild. Record deletions once retention deletes rows.
                reason = IndexRebuildReason.Stale;
                detail = $"after catching up it contains {collection.Count} embeddings but SQLite has {expected}";
                collection.Dispose();
            }
            catch
            {
                collection.Dispose();
                throw;
            }
        }

        EmbeddedStoreLog.IndexRebuilding(logger, record.ModelId, indexPath, reason, detail);
        var rebuilt = await RebuildAsync(record, indexPath, lastWriteSeq, cancellationToken).ConfigureAwait(false);
        return (rebuilt, true);
    }

    private (USearchIndex? Index, IndexRebuildReason Reason, string Detail) TryLoadFile(CollectionRecord record, string indexPath)
    {
        if (!File.Exists(indexPath))
        {
            return (null, IndexRebuildReason.Missing, "the file does not exist");
        }

        if (record.IndexSha256 is null)
        {
            return (null, IndexRebuildReason.Stale, "SQLite records no completed save for it");
        }

        // The hash ties the file to the recorded watermark. A file restored from elsewhere, torn by a
        // power cut, or renamed into place just before a crash never passes for the recorded one.
        string actualSha256;
        using (var stream = File.OpenRead(indexPath))
        {
            actualSha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (!string.Equals(actualSha256, record.IndexSha256, StringComparison.Ordinal))
        {
            return (null, IndexRebuildReason.Stale, $"its SHA-256 {actualSha256} differs from {record.IndexSha256} recorded by the last save");
        }

        USearchIndex index;
        try
        {
            index = new USearchIndex(indexPath);
        }
        catch (USearchException exception)
        {
            return (null, IndexRebuildReason.Corrupt, $"USearch could not load it ({exception.Message})");
        }

        if (index.Dimensions() != (ulong)record.Dimensions)
        {
            var dimensions = index.Dimensions();
            index.Dispose();
            return (null, IndexRebuildReason.Corrupt, $"it contains {dimensions}-dimensional vectors but the collection has {record.Dimensions}");
        }

        return (index, IndexRebuildReason.Stale, string.Empty);
    }

    private async Task<int> CatchUpAsync(
        VectorCollection collection,
        CollectionRecord record,
        long lastWriteSeq,
        CancellationToken cancellationToken)
    {
        var caughtUp = 0;
        await foreach (var batch in reader.ReadEmbeddingsAsync(record.ModelId, record.Dimensions, record.IndexWatermark, BatchSize, cancellationToken).ConfigureAwait(false))
        {
            // Rows are read in write order and each row is one (sighting, model) pair, so keys
            // are distinct within a batch.
            collection.Upsert(batch, batch[^1].WriteSeq);
            caughtUp += batch.Count;
        }

        collection.Upsert([], lastWriteSeq);
        collection.MarkUnsaved(caughtUp);
        return caughtUp;
    }

    private async Task<VectorCollection> RebuildAsync(
        CollectionRecord record,
        string indexPath,
        long lastWriteSeq,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var collection = VectorCollection.CreateEmpty(record.ModelId, record.Dimensions, indexPath, watermark: 0);
        try
        {
            await foreach (var batch in reader.ReadEmbeddingsAsync(record.ModelId, record.Dimensions, afterWriteSeq: 0, BatchSize, cancellationToken).ConfigureAwait(false))
            {
                collection.Upsert(batch, batch[^1].WriteSeq);
            }

            collection.Upsert([], lastWriteSeq);
        }
        catch
        {
            collection.Dispose();
            throw;
        }

        EmbeddedStoreLog.IndexRebuilt(logger, record.ModelId, collection.Count, stopwatch.ElapsedMilliseconds);
        return collection;
    }

    private void DeleteUnfinishedSave(string indexPath)
    {
        var tempPath = indexPath + ".tmp";
        if (File.Exists(tempPath))
        {
            File.Delete(tempPath);
            EmbeddedStoreLog.TempIndexDeleted(logger, tempPath);
        }
    }
}
