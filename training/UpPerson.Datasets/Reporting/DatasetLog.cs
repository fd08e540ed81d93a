using Microsoft.Extensions.Logging;

namespace UpPerson.Datasets;

/// <summary>Log messages of dataset loading; event ids 5000–5049.</summary>
internal static partial class DatasetLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "Loading {Format} annotations from {AnnotationFile}, images under {ImageRoot}")]
    public static partial void LoadStarted(this ILogger logger, string format, string annotationFile, string imageRoot);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Loaded {Format} from {AnnotationFile}: {Images} images, {Captions} captions, {Ids} ids, {WarningCount} warnings, in {ElapsedMs} ms")]
    public static partial void Loaded(this ILogger logger, string format, string annotationFile, int images, int captions, int ids, int warningCount, long elapsedMs);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Statistics of {AnnotationFile}:\n{Table}")]
    public static partial void Statistics(this ILogger logger, string annotationFile, string table);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "Dataset warning {Kind}: {Message}")]
    public static partial void DatasetWarning(this ILogger logger, DatasetProblemKind kind, string message);

}
