using Microsoft.Extensions.Logging;

namespace UpPerson.Inference;

internal static partial class OnnxTextEncoderLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "Text encoder of model {ModelId} ready on {Provider}: input {InputName} [batch, {ContextLength}], output {OutputName} [batch, {EmbeddingSize}], batches of up to {MaxBatchSize}")]
    public static partial void TextEncoderReady(
        this ILogger logger, string modelId, OnnxExecutionProvider provider, string inputName, int contextLength, string outputName, int embeddingSize, int maxBatchSize);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Embedded {TextCount} texts with model {ModelId} in {ElapsedMs} ms")]
    public static partial void TextsEmbedded(this ILogger logger, int textCount, string modelId, long elapsedMs);
}
