using Microsoft.Extensions.Logging;

namespace UpPerson.Inference;

/// <summary>Log messages of model bundle loading; event ids 1000–1099.</summary>
internal static partial class ModelBundleLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Loaded model bundle {ModelId} (version {Version}) from {Directory}: {FileCount} files verified in {ElapsedMs} ms")]
    public static partial void BundleLoaded(this ILogger logger, string modelId, string version, string directory, int fileCount, long elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Model bundle {ModelId} at {Directory} has randomly initialised weights (provenance.randomInit): embeddings are noise and search results will be meaningless")]
    public static partial void RandomInitBundle(this ILogger logger, string modelId, string directory);
}
