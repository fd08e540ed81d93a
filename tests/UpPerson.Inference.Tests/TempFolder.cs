namespace UpPerson.Inference.Tests;

/// <summary>A fresh folder under the system temp path, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        FullPath = Directory.CreateTempSubdirectory("upperson-inference-tests-").FullName;
    }

    public string FullPath { get; }

    public string PathOf(string fileName) => Path.Combine(FullPath, fileName);

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
