using Microsoft.Extensions.Logging;

namespace UpPerson.Inference;

/// <summary>Log messages of the ONNX image encoder; event ids 1200–1299.</summary>
internal static partial class OnnxImageEncoderLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "Image encoder of model {ModelId} ready on {Provider}: input {InputName} [batch, 3, {Height}, {Width}], output {OutputName} [batch, {EmbeddingSize}], batches of up to {MaxBatchSize}")]
    public static partial void EncoderReady(
        this ILogger logger, string modelId, OnnxExecutionProvider provider, string inputName, int height, int width, string outputName, int embeddingSize, int maxBatchSize);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug,
        Message = "Embedded {ImageCount} images in {BatchCount} batches with model {ModelId} in {ElapsedMs} ms")]
    public static partial void ImagesEmbedded(this ILogger logger, int imageCount, int batchCount, string modelId, long elapsedMs);
}
