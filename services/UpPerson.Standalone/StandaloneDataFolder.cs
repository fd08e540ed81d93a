using Microsoft.Extensions.Logging;
using UpPerson.Storage.Embedded;

namespace UpPerson.Standalone;

/// <summary>
/// Layout of the standalone data folder: the embedded store (<c>sightings.db</c>, per-model vector
/// indexes) at the top and JPEG crops under <c>crops/</c>.
/// </summary>
public sealed class StandaloneDataFolder
{
    public StandaloneDataFolder(string root)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new ArgumentException("--data is empty; give the folder for the index and crops (it is created when missing).");
        }

        Root = Path.GetFullPath(root);
        if (File.Exists(Root))
        {
            throw new ArgumentException($"--data '{Root}' is a file; give a folder for the index and crops (it is created when missing).");
        }
    }

    public string Root { get; }

    public string CropsRoot => Path.Combine(Root, "crops");

    /// <summary>Absolute path of a crop stored under a relative <see cref="Contracts.Sighting.CropPath"/>.</summary>
    public string ResolveCrop(string relativeCropPath) => Path.GetFullPath(Path.Combine(CropsRoot, relativeCropPath));

    /// <summary>
    /// Opens the store for writing (indexing), or read-only for searches and statistics, which may run
    /// while another process indexes into the same folder. A folder never indexed cannot be read.
    /// </summary>
    public Task<EmbeddedSightingStore> OpenStoreAsync(ILoggerFactory loggers, bool readOnly, CancellationToken cancellationToken)
    {
        if (readOnly && !File.Exists(Path.Combine(Root, EmbeddedSightingStore.DatabaseFileName)))
        {
            throw new DirectoryNotFoundException(
                $"No index found in '{Root}' ({EmbeddedSightingStore.DatabaseFileName} is missing). Index a video first with 'upperson index --data {Root} …'.");
        }

        var options = new EmbeddedSightingStoreOptions { DataDirectory = Root, ReadOnly = readOnly };
        return EmbeddedSightingStore.OpenAsync(options, loggers.CreateLogger<EmbeddedSightingStore>(), cancellationToken);
    }
}
