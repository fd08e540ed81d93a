using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace UpPerson.Storage.Embedded;

/// <summary>Creates and migrates the SQLite schema, and rejects databases written by a newer schema.</summary>
internal static class StoreSchema
{
    public const int CurrentVersion = 1;

    // Migrations[v] upgrades a database from schema version v to v + 1. Version 0 is an empty file.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE schema_version (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL,
            migrated_utc TEXT NOT NULL);

        -- last_write_seq numbers every embedding write. Index files record the highest one they contain.
        CREATE TABLE store_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_write_seq INTEGER NOT NULL);
        INSERT INTO store_state (id, last_write_seq) VALUES (1, 0);

        -- timestamp_ticks: stream time in .NET ticks (100 ns since 0001-01-01) UTC.
        CREATE TABLE sightings (
            sighting_id TEXT NOT NULL PRIMARY KEY,
            camera_id TEXT NOT NULL,
            timestamp_ticks INTEGER NOT NULL,
            frame_index INTEGER NOT NULL,
            box_x INTEGER NOT NULL,
            box_y INTEGER NOT NULL,
            box_width INTEGER NOT NULL,
            box_height INTEGER NOT NULL,
            track_id INTEGER NOT NULL,
            detection_score REAL NOT NULL,
            crop_path TEXT NOT NULL,
            record_version INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX ix_sightings_camera_time ON sightings (camera_id, timestamp_ticks);
        CREATE INDEX ix_sightings_time ON sightings (timestamp_ticks);

        -- index_sha256 and index_watermark describe the last saved index file. A NULL hash means none is trusted.
        CREATE TABLE collections (
            model_id TEXT NOT NULL PRIMARY KEY,
            dimensions INTEGER NOT NULL CHECK (dimensions > 0),
            created_utc TEXT NOT NULL,
            index_watermark INTEGER NOT NULL DEFAULT 0,
            index_sha256 TEXT NULL);

        -- vector_key is the USearch key. AUTOINCREMENT keeps keys of deleted rows from being reused.
        CREATE TABLE embeddings (
            vector_key INTEGER PRIMARY KEY AUTOINCREMENT,
            sighting_id TEXT NOT NULL REFERENCES sightings (sighting_id),
            model_id TEXT NOT NULL REFERENCES collections (model_id),
            vector BLOB NOT NULL,
            write_seq INTEGER NOT NULL,
            UNIQUE (sighting_id, model_id));
        CREATE INDEX ix_embeddings_model_seq ON embeddings (model_id, write_seq);
        """,
    ];

    /// <summary>Brings the database to <see cref="CurrentVersion"/> and returns the version it had before.</summary>
    public static int Migrate(SqliteConnection connection, string databasePath, ILogger logger)
    {
        var version = ReadVersion(connection, databasePath);
        if (version > CurrentVersion)
        {
            throw new NotSupportedException(
                $"Sighting database '{databasePath}' has schema version {version}, but this build of UpPerson reads " +
                $"versions up to {CurrentVersion}. Upgrade UpPerson, or open the folder with the version that wrote it.");
        }

        if (version == CurrentVersion)
        {
            return version;
        }

        using var transaction = connection.BeginTransaction();
        for (var step = version; step < CurrentVersion; step++)
        {
            Execute(connection, transaction, Migrations[step]);
        }

        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO schema_version (id, version, migrated_utc) VALUES (1, $version, $now)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, migrated_utc = excluded.migrated_utc
                """;
            command.Parameters.AddWithValue("$version", CurrentVersion);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        EmbeddedStoreLog.SchemaMigrated(logger, databasePath, version, CurrentVersion);
        return version;
    }

    /// <summary>Checks, without changing anything, that the database is at <see cref="CurrentVersion"/>.</summary>
    public static void RequireCurrent(SqliteConnection connection, string databasePath)
    {
        var version = ReadVersion(connection, databasePath);
        if (version > CurrentVersion)
        {
            throw new NotSupportedException(
                $"Sighting database '{databasePath}' has schema version {version}, but this build of UpPerson reads " +
                $"versions up to {CurrentVersion}. Upgrade UpPerson, or open the folder with the version that wrote it.");
        }

        if (version < CurrentVersion)
        {
            throw new InvalidDataException(
                $"Sighting database '{databasePath}' has schema version {version} and a read-only store cannot migrate it to " +
                $"{CurrentVersion}. Open the folder once for writing (for example by indexing into it) to migrate it.");
        }
    }

    private static int ReadVersion(SqliteConnection connection, string databasePath)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        var hasVersionTable = Convert.ToInt64(command.ExecuteScalar()) > 0;

        if (!hasVersionTable)
        {
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            var tableCount = Convert.ToInt64(command.ExecuteScalar());
            if (tableCount > 0)
            {
                throw new InvalidDataException(
                    $"'{databasePath}' is a SQLite database but not an UpPerson sighting store: it has {tableCount} tables " +
                    "and no schema_version table. Point the store at a different data folder.");
            }

            return 0;
        }

        command.CommandText = "SELECT version FROM schema_version WHERE id = 1";
        var value = command.ExecuteScalar();
        if (value is null or DBNull)
        {
            throw new InvalidDataException(
                $"Sighting database '{databasePath}' has an empty schema_version table. Restore it from a backup.");
        }

        return Convert.ToInt32(value);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
