namespace UpPerson.Storage.Embedded;

/// <summary>
/// Exclusive lock on <c>store.lock</c> in the data folder, so two stores never cache the same
/// collections. .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/> on Unix.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "store.lock";

    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new DataDirectoryLock(stream);
        }
        catch (IOException exception)
        {
            throw new IOException(
                $"Data folder '{dataDirectory}' is already open for writing by another process or store (lock file '{path}'), " +
                "for example a running 'upperson index'. Wait for it to finish or stop it, or use a different folder; " +
                "searches and statistics open the folder read-only and can run alongside it.",
                exception);
        }
    }

    public void Dispose() => _stream.Dispose();
}
