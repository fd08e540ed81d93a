using Microsoft.Data.Sqlite;
using UpPerson.Contracts;

namespace UpPerson.Storage.Embedded;

/// <summary>
/// Upserts sightings and their embeddings in one transaction per batch on the writer connection.
/// Callers hold the store's write gate, so only one batch runs at a time.
/// </summary>
internal sealed class SightingWriter(StoreDatabase database)
{
    private const string UpsertSightingSql = """
        INSERT INTO sightings (sighting_id, camera_id, timestamp_ticks, frame_index, box_x, box_y, box_width,
                               box_height, track_id, detection_score, crop_path, record_version)
        VALUES ($id, $camera, $ticks, $frame, $x, $y, $width, $height, $track, $score, $crop, $version)
        ON CONFLICT (sighting_id) DO UPDATE SET
            camera_id = excluded.camera_id, timestamp_ticks = excluded.timestamp_ticks,
            frame_index = excluded.frame_index, box_x = excluded.box_x, box_y = excluded.box_y,
            box_width = excluded.box_width, box_height = excluded.box_height, track_id = excluded.track_id,
            detection_score = excluded.detection_score, crop_path = excluded.crop_path,
            record_version = excluded.record_version
        """;

    private const string UpsertEmbeddingSql = """
        INSERT INTO embeddings (sighting_id, model_id, vector, write_seq) VALUES ($id, $model, $vector, $seq)
        ON CONFLICT (sighting_id, model_id) DO UPDATE SET vector = excluded.vector, write_seq = excluded.write_seq
        RETURNING vector_key
        """;

    /// <summary>Highest write sequence number committed. Every embedding write gets the next one.</summary>
    public long LastWriteSeq { get; private set; }

    public void LoadLastWriteSeq()
    {
        using var command = database.Writer.CreateCommand();
        command.CommandText = "SELECT last_write_seq FROM store_state WHERE id = 1";
        LastWriteSeq = Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>
    /// Commits the batch and returns the embeddings it stored, in batch order. New collections are
    /// created in the same transaction. Nothing is written when cancellation arrives before the commit.
    /// </summary>
    public IReadOnlyList<CommittedEmbedding> Upsert(
        IReadOnlyList<Sighting> sightings,
        IReadOnlyCollection<NewCollection> newCollections,
        CancellationToken cancellationToken)
    {
        var connection = database.Writer;
        var writeSeq = LastWriteSeq;
        var committed = new List<CommittedEmbedding>(sightings.Count);

        using var transaction = connection.BeginTransaction();
        foreach (var collection in newCollections)
        {
            InsertCollection(connection, transaction, collection);
        }

        using var upsertSighting = CreateCommand(connection, transaction, UpsertSightingSql);
        using var upsertEmbedding = CreateCommand(connection, transaction, UpsertEmbeddingSql);
        foreach (var sighting in sightings)
        {
            cancellationToken.ThrowIfCancellationRequested();

            BindSighting(upsertSighting, sighting);
            upsertSighting.ExecuteNonQuery();

            writeSeq++;
            upsertEmbedding.Parameters.Clear();
            upsertEmbedding.Parameters.AddWithValue("$id", sighting.Id);
            upsertEmbedding.Parameters.AddWithValue("$model", sighting.ModelId);
            upsertEmbedding.Parameters.AddWithValue("$vector", EmbeddingBlob.Encode(sighting.Embedding));
            upsertEmbedding.Parameters.AddWithValue("$seq", writeSeq);
            var key = Convert.ToInt64(upsertEmbedding.ExecuteScalar());
            committed.Add(new CommittedEmbedding(sighting.ModelId, checked((ulong)key), sighting.Embedding));
        }

        using (var updateState = CreateCommand(connection, transaction, "UPDATE store_state SET last_write_seq = $seq WHERE id = 1"))
        {
            updateState.Parameters.AddWithValue("$seq", writeSeq);
            updateState.ExecuteNonQuery();
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        LastWriteSeq = writeSeq;
        return committed;
    }

    /// <summary>Records which writes the saved index file contains. A null hash makes the next open rebuild it.</summary>
    public void RecordIndexSave(string modelId, long watermark, string? sha256)
    {
        using var command = database.Writer.CreateCommand();
        command.CommandText = "UPDATE collections SET index_watermark = $watermark, index_sha256 = $sha256 WHERE model_id = $model";
        command.Parameters.AddWithValue("$watermark", watermark);
        command.Parameters.AddWithValue("$sha256", (object?)sha256 ?? DBNull.Value);
        command.Parameters.AddWithValue("$model", modelId);
        command.ExecuteNonQuery();
    }

    private static void InsertCollection(SqliteConnection connection, SqliteTransaction transaction, NewCollection collection)
    {
        using var command = CreateCommand(
            connection,
            transaction,
            "INSERT INTO collections (model_id, dimensions, created_utc) VALUES ($model, $dimensions, $now)");
        command.Parameters.AddWithValue("$model", collection.ModelId);
        command.Parameters.AddWithValue("$dimensions", collection.Dimensions);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
        command.ExecuteNonQuery();
    }

    private static void BindSighting(SqliteCommand command, Sighting sighting)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$id", sighting.Id);
        command.Parameters.AddWithValue("$camera", sighting.CameraId);
        command.Parameters.AddWithValue("$ticks", sighting.TimestampUtc.UtcTicks);
        command.Parameters.AddWithValue("$frame", sighting.FrameIndex);
        command.Parameters.AddWithValue("$x", sighting.Box.X);
        command.Parameters.AddWithValue("$y", sighting.Box.Y);
        command.Parameters.AddWithValue("$width", sighting.Box.Width);
        command.Parameters.AddWithValue("$height", sighting.Box.Height);
        command.Parameters.AddWithValue("$track", sighting.TrackId);
        command.Parameters.AddWithValue("$score", (double)sighting.DetectionScore);
        command.Parameters.AddWithValue("$crop", sighting.CropPath);
        command.Parameters.AddWithValue("$version", sighting.SchemaVersion);
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
