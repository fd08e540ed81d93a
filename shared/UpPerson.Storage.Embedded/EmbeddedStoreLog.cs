using Microsoft.Extensions.Logging;

namespace UpPerson.Storage.Embedded;

/// <summary>Log messages of the embedded store, with event ids 3100-3199.</summary>
internal static partial class EmbeddedStoreLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "Opened sighting store {DataDirectory}: schema version {SchemaVersion}, {SightingCount} sightings, {CollectionCount} collections")]
    public static partial void StoreOpened(ILogger logger, string dataDirectory, int schemaVersion, long sightingCount, int collectionCount);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Closed sighting store {DataDirectory}")]
    public static partial void StoreClosed(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information,
        Message = "Migrated {DatabasePath} from schema version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, string databasePath, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information,
        Message = "Loaded vector index {IndexPath} for model {ModelId}: {EmbeddingCount} embeddings, {CaughtUpCount} of them added from SQLite after write {Watermark}")]
    public static partial void IndexLoaded(ILogger logger, string modelId, string indexPath, long embeddingCount, int caughtUpCount, long watermark);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning,
        Message = "Rebuilding the vector index for model {ModelId} from SQLite because {IndexPath} is {Reason}: {Detail}")]
    public static partial void IndexRebuilding(ILogger logger, string modelId, string indexPath, IndexRebuildReason reason, string detail);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Information,
        Message = "Rebuilt the vector index for model {ModelId}: {EmbeddingCount} embeddings in {ElapsedMilliseconds} ms")]
    public static partial void IndexRebuilt(ILogger logger, string modelId, long embeddingCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Information,
        Message = "Saved vector index {IndexPath} for model {ModelId}: {EmbeddingCount} embeddings up to write {Watermark} in {ElapsedMilliseconds} ms")]
    public static partial void IndexSaved(ILogger logger, string modelId, string indexPath, long embeddingCount, long watermark, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Error,
        Message = "Saving vector index {IndexPath} for model {ModelId} failed; the committed rows stay in SQLite and the next open catches up or rebuilds from them")]
    public static partial void IndexSaveFailed(ILogger logger, Exception exception, string modelId, string indexPath);

    [LoggerMessage(EventId = 3115, Level = LogLevel.Error,
        Message = "Updating the in-memory vector index for model {ModelId} failed after the rows were committed; the index file is marked stale so the next open rebuilds it")]
    public static partial void IndexUpdateFailed(ILogger logger, Exception exception, string modelId);

    [LoggerMessage(EventId = 3116, Level = LogLevel.Information,
        Message = "Created collection for model {ModelId} with {Dimensions}-dimensional embeddings")]
    public static partial void CollectionCreated(ILogger logger, string modelId, int dimensions);

    [LoggerMessage(EventId = 3117, Level = LogLevel.Warning,
        Message = "Deleted {TempPath}, an unfinished index file left by an interrupted save")]
    public static partial void TempIndexDeleted(ILogger logger, string tempPath);
}
