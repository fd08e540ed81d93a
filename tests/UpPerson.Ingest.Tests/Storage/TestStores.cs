using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UpPerson.Storage.Embedded;

namespace UpPerson.Ingest.Tests.Storage;

internal static class TestStores
{
    /// <summary>Opens a store. Passing <paramref name="exactScanMaxRows"/> = 0 sends every search through the USearch index.</summary>
    public static Task<EmbeddedSightingStore> OpenAsync(
        string dataDirectory,
        int exactScanMaxRows = 20_000,
        int indexSaveAfterWrites = 10_000,
        ILogger<EmbeddedSightingStore>? logger = null,
        bool readOnly = false)
    {
        var options = new EmbeddedSightingStoreOptions
        {
            DataDirectory = dataDirectory,
            ExactScanMaxRows = exactScanMaxRows,
            IndexSaveAfterWrites = indexSaveAfterWrites,
            ReadOnly = readOnly,
        };
        return EmbeddedSightingStore.OpenAsync(options, logger ?? NullLogger<EmbeddedSightingStore>.Instance, CancellationToken.None);
    }
}
