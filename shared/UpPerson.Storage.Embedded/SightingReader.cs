using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using UpPerson.Contracts;

namespace UpPerson.Storage.Embedded;

/// <summary>Queries over sightings and embeddings, each on its own pooled reader connection.</summary>
internal sealed class SightingReader(StoreDatabase database)
{
    // Column order is fixed: ReadSighting reads by position.
    private const string SightingSelect = """
        SELECT s.sighting_id, s.camera_id, s.timestamp_ticks, s.frame_index, s.box_x, s.box_y, s.box_width,
               s.box_height, s.track_id, s.detection_score, s.crop_path, s.record_version,
               e.model_id, e.vector, c.dimensions
        FROM embeddings e
        JOIN sightings s ON s.sighting_id = e.sighting_id
        JOIN collections c ON c.model_id = e.model_id
        """;

    public async Task<long> CountSightingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sightings";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<CollectionRecord>> ReadCollectionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT model_id, dimensions, index_watermark, index_sha256 FROM collections ORDER BY model_id";

        var collections = new List<CollectionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            collections.Add(new CollectionRecord(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return collections;
    }

    /// <summary>Counts a collection's embeddings whose sightings pass the filter.</summary>
    public async Task<long> CountEmbeddingsAsync(string modelId, SightingFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = filter.IsEmpty
            ? "SELECT count(*) FROM embeddings WHERE model_id = $model"
            : $"""
              SELECT count(*) FROM embeddings e JOIN sightings s ON s.sighting_id = e.sighting_id
              WHERE e.model_id = $model{filter.SqlConditions}
              """;
        command.Parameters.AddWithValue("$model", modelId);
        filter.AddParameters(command);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Streams a collection's embeddings written after <paramref name="afterWriteSeq"/>, in write order.</summary>
    public async IAsyncEnumerable<IReadOnlyList<IndexedEmbedding>> ReadEmbeddingsAsync(
        string modelId,
        int dimensions,
        long afterWriteSeq,
        int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT vector_key, vector, write_seq, sighting_id FROM embeddings
            WHERE model_id = $model AND write_seq > $after ORDER BY write_seq
            """;
        command.Parameters.AddWithValue("$model", modelId);
        command.Parameters.AddWithValue("$after", afterWriteSeq);

        var batch = new List<IndexedEmbedding>(batchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var vector = EmbeddingBlob.Decode(reader.GetFieldValue<byte[]>(1), dimensions, reader.GetString(3), modelId);
            batch.Add(new IndexedEmbedding(checked((ulong)reader.GetInt64(0)), vector, reader.GetInt64(2)));
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<IndexedEmbedding>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Scores every embedding that passes the filter and keeps the best <paramref name="topK"/>.</summary>
    public async Task<IReadOnlyList<ScoredKey>> ScanTopAsync(
        string modelId,
        int dimensions,
        SightingFilter filter,
        float[] query,
        int topK,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT e.vector_key, e.sighting_id, e.vector
            FROM embeddings e JOIN sightings s ON s.sighting_id = e.sighting_id
            WHERE e.model_id = $model{filter.SqlConditions}
            """;
        command.Parameters.AddWithValue("$model", modelId);
        filter.AddParameters(command);

        var best = new PriorityQueue<ScoredKey, ScoredKey>(topK + 1, HitOrder.WorstFirst);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sightingId = reader.GetString(1);
            var vector = EmbeddingBlob.Decode(reader.GetFieldValue<byte[]>(2), dimensions, sightingId, modelId);
            var candidate = new ScoredKey(checked((ulong)reader.GetInt64(0)), sightingId, CosineSimilarity.Compute(query, vector));
            if (best.Count < topK)
            {
                best.Enqueue(candidate, candidate);
            }
            else
            {
                best.EnqueueDequeue(candidate, candidate);
            }
        }

        return best.UnorderedItems.Select(item => item.Element).ToList();
    }

    /// <summary>Returns the keys among <paramref name="keys"/> whose sightings pass the filter.</summary>
    public async Task<IReadOnlyList<ulong>> FilterKeysAsync(
        string modelId,
        IReadOnlyList<ulong> keys,
        SightingFilter filter,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT e.vector_key
            FROM embeddings e JOIN sightings s ON s.sighting_id = e.sighting_id
            WHERE e.vector_key IN (SELECT value FROM json_each($keys)) AND e.model_id = $model{filter.SqlConditions}
            """;
        command.Parameters.AddWithValue("$keys", ToJsonArray(keys));
        command.Parameters.AddWithValue("$model", modelId);
        filter.AddParameters(command);

        var matching = new List<ulong>(keys.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            matching.Add(checked((ulong)reader.GetInt64(0)));
        }

        return matching;
    }

    /// <summary>Reads the sightings stored under the given index keys, skipping keys without a row.</summary>
    public async Task<IReadOnlyList<Sighting>> ReadByKeysAsync(
        string modelId,
        IReadOnlyList<ulong> keys,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SightingSelect} WHERE e.vector_key IN (SELECT value FROM json_each($keys)) AND e.model_id = $model";
        command.Parameters.AddWithValue("$keys", ToJsonArray(keys));
        command.Parameters.AddWithValue("$model", modelId);
        return await ReadSightingsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one sighting with its embedding under <paramref name="modelId"/>, or under the model
    /// whose embedding was written last when <paramref name="modelId"/> is null.
    /// </summary>
    public async Task<Sighting?> GetAsync(string sightingId, string? modelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = modelId is null
            ? $"{SightingSelect} WHERE s.sighting_id = $id ORDER BY e.write_seq DESC LIMIT 1"
            : $"{SightingSelect} WHERE s.sighting_id = $id AND e.model_id = $model";
        command.Parameters.AddWithValue("$id", sightingId);
        if (modelId is not null)
        {
            command.Parameters.AddWithValue("$model", modelId);
        }

        var sightings = await ReadSightingsAsync(command, cancellationToken).ConfigureAwait(false);
        return sightings.Count == 0 ? null : sightings[0];
    }

    public async Task<SightingStoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);

        // One read transaction, so the counts come from a single snapshot even while writes continue.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sightings";
        var total = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));

        command.CommandText = """
            SELECT camera_id, count(*), min(timestamp_ticks), max(timestamp_ticks)
            FROM sightings GROUP BY camera_id ORDER BY camera_id
            """;
        var cameras = new List<CameraSightingStats>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cameras.Add(new CameraSightingStats(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                    new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
            }
        }

        command.CommandText = """
            SELECT c.model_id, c.dimensions, count(e.vector_key)
            FROM collections c LEFT JOIN embeddings e ON e.model_id = c.model_id
            GROUP BY c.model_id, c.dimensions ORDER BY c.model_id
            """;
        var collections = new List<CollectionStats>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                collections.Add(new CollectionStats(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)));
            }
        }

        return new SightingStoreStats(total, cameras.Count, cameras, collections);
    }

    private static async Task<IReadOnlyList<Sighting>> ReadSightingsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var sightings = new List<Sighting>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sightings.Add(ReadSighting(reader));
        }

        return sightings;
    }

    private static Sighting ReadSighting(SqliteDataReader reader)
    {
        var sightingId = reader.GetString(0);
        var modelId = reader.GetString(12);
        var embedding = EmbeddingBlob.Decode(reader.GetFieldValue<byte[]>(13), reader.GetInt32(14), sightingId, modelId);
        var box = new BoundingBox(reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7));

        return new Sighting(
            sightingId,
            CameraId: reader.GetString(1),
            TimestampUtc: new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
            FrameIndex: reader.GetInt64(3),
            box,
            TrackId: reader.GetInt64(8),
            DetectionScore: reader.GetFloat(9),
            CropPath: reader.GetString(10),
            modelId,
            embedding)
        {
            SchemaVersion = reader.GetInt32(11),
        };
    }

    private static string ToJsonArray(IReadOnlyList<ulong> keys) => "[" + string.Join(',', keys) + "]";
}
