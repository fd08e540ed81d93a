using Microsoft.Extensions.Logging;
using UpPerson.Contracts;

namespace UpPerson.Inference;

/// <summary>
/// A verified model bundle folder: its manifest, and full paths of the files it names. Only
/// <see cref="Load"/> creates one, after checking the manifest and the SHA-256 of every file.
/// </summary>
public sealed class ModelBundle
{
    internal ModelBundle(string directoryPath, ModelManifest manifest)
    {
        DirectoryPath = directoryPath;
        Manifest = manifest;
    }

    /// <summary>Full path of the bundle folder.</summary>
    public string DirectoryPath { get; }

    public ModelManifest Manifest { get; }

    public string ModelId => Manifest.ModelId;

    public int EmbeddingSize => Manifest.EmbeddingSize;

    /// <summary>
    /// True when the weights were never trained or imported (<c>provenance.randomInit</c>):
    /// embeddings are noise and search results meaningless. Commands should warn the user.
    /// </summary>
    public bool IsRandomInit => Manifest.Provenance.RandomInit;

    public string ImageEncoderPath => GetFilePath(Manifest.Image.OnnxFile);

    public string TextEncoderPath => GetFilePath(Manifest.Text.OnnxFile);

    public string TokenizerPath => GetFilePath(Manifest.Text.TokenizerFile);

    /// <summary>Returns the full path of a file listed in the manifest's <c>files</c>.</summary>
    public string GetFilePath(string bundleFileName)
    {
        if (!Manifest.Files.ContainsKey(bundleFileName))
        {
            throw new ArgumentException(
                $"'{bundleFileName}' is not listed in {ModelManifest.FileName} of bundle '{DirectoryPath}'. Listed files: {string.Join(", ", Manifest.Files.Keys)}.",
                nameof(bundleFileName));
        }

        return Path.Combine(DirectoryPath, bundleFileName);
    }

    /// <summary>
    /// Reads <c>model.json</c> from <paramref name="directoryPath"/>, validates it and hashes every
    /// listed file. Throws <see cref="ModelBundleException"/> listing every problem at once.
    /// Logs a warning when the bundle has random weights.
    /// </summary>
    public static ModelBundle Load(string directoryPath, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        ModelBundleLoader.Load(directoryPath, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, cancellationToken);
}
