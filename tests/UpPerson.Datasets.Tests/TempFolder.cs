namespace UpPerson.Datasets.Tests;

/// <summary>A fresh folder under the system temp path, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        FullPath = Directory.CreateTempSubdirectory("upperson-datasets-tests-").FullName;
    }

    public string FullPath { get; }

    /// <summary>Returns the absolute path of a file inside the folder, creating its parent folders.</summary>
    public string PathOf(string relativePath)
    {
        var path = Path.Combine(FullPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
