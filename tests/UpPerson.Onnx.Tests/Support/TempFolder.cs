namespace UpPerson.Onnx.Tests.Support;

/// <summary>
/// A fresh folder under the system temp directory, deleted with everything in it on dispose.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "upperson-onnx-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    public string PathOf(string fileName) => Path.Combine(FullPath, fileName);

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
