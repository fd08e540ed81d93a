using Microsoft.Extensions.Logging;

namespace UpPerson.Inference;

/// <summary>Log messages of ONNX Runtime session creation; event ids 1100–1199.</summary>
internal static partial class OnnxSessionLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "CUDA execution provider unavailable, using the CPU: {Reason}")]
    public static partial void CudaUnavailable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "ONNX Runtime sessions use the {Provider} execution provider (forced CPU: {ForceCpu}, intra-op threads: {IntraOpThreadCount})")]
    public static partial void ProviderSelected(this ILogger logger, OnnxExecutionProvider provider, bool forceCpu, int intraOpThreadCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information,
        Message = "Created ONNX Runtime session for {ModelPath} on {Provider}")]
    public static partial void SessionCreated(this ILogger logger, string modelPath, OnnxExecutionProvider provider);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "CUDA session for {ModelPath} failed, so this factory now uses the CPU: {Reason}")]
    public static partial void CudaSessionFailed(this ILogger logger, string modelPath, string reason, Exception exception);
}
