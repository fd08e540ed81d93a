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
                $"Data folder '{dataDirectory}' is already open in another sighting store (lock file '{path}'). " +
                "Dispose the other store or stop the other process, or use a different folder.",
                exception);
        }
    }

    public void Dispose() => _stream.Dispose();
}
