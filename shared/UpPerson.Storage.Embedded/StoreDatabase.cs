using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace UpPerson.Storage.Embedded;

/// <summary>
/// The SQLite file: one long-lived writer connection (WAL, synchronous=FULL so a commit survives power
/// loss) and pooled reader connections that WAL lets run beside the writer.
/// </summary>
internal sealed class StoreDatabase : IDisposable
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly string _connectionString;

    private StoreDatabase(string databasePath, string connectionString, SqliteConnection writer, int schemaVersion)
    {
        DatabasePath = databasePath;
        _connectionString = connectionString;
        Writer = writer;
        SchemaVersion = schemaVersion;
    }

    public string DatabasePath { get; }

    /// <summary>Connection used for every write. Callers serialise access to it.</summary>
    public SqliteConnection Writer { get; }

    public int SchemaVersion { get; }

    /// <summary>
    /// Opens or creates the database; with <paramref name="readOnly"/> it must exist and is neither
    /// migrated nor written. A file that is not SQLite gives <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public static StoreDatabase Open(string databasePath, ILogger logger, bool readOnly = false)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            if (readOnly)
            {
                StoreSchema.RequireCurrent(writer, databasePath);
                return new StoreDatabase(databasePath, connectionString, writer, StoreSchema.CurrentVersion);
            }

            EnableWriteAheadLog(writer, databasePath);
            ExecutePragma(writer, "PRAGMA synchronous = FULL");
            ExecutePragma(writer, "PRAGMA foreign_keys = ON");
            StoreSchema.Migrate(writer, databasePath, logger);
            return new StoreDatabase(databasePath, connectionString, writer, StoreSchema.CurrentVersion);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            Close(writer);
            throw new InvalidDataException(
                $"Sighting database '{databasePath}' is not a readable SQLite database (SQLite error " +
                $"{exception.SqliteErrorCode}: {exception.Message}). Restore it from a backup, or move it aside to " +
                "start an empty store.",
                exception);
        }
        catch
        {
            Close(writer);
            throw;
        }
    }

    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose() => Close(Writer);

    // Pooled connections keep the file open after Dispose. Clearing the pool releases the handles,
    // so the folder can be copied, moved or deleted once the store is closed.
    private static void Close(SqliteConnection connection)
    {
        connection.Dispose();
        SqliteConnection.ClearPool(connection);
    }

    private static void EnableWriteAheadLog(SqliteConnection connection, string databasePath)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new IOException(
                $"Sighting database '{databasePath}' could not switch to write-ahead logging (journal mode is " +
                $"'{mode}'). Keep the data folder on a local file system that supports shared memory files.");
        }
    }

    private static void ExecutePragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }
}
