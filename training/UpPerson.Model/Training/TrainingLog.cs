using Microsoft.Extensions.Logging;

namespace UpPerson.Model.Training;

/// <summary>Log messages of training runs; event ids 6000–6099.</summary>
internal static partial class TrainingLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information,
        Message = "Run {RunDirectory}: {Preset} on {Clip}, {Trainable} of {Total} parameters train ({Mode}), {Samples} samples per epoch, {Epochs} epochs of batch {BatchSize}, lr {LearningRate}")]
    public static partial void RunStarted(this ILogger logger, string runDirectory, string preset, string clip, long trainable, long total, string mode, int samples, int epochs, int batchSize, double learningRate);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Resuming run {RunDirectory} after epoch {Epoch}")]
    public static partial void Resumed(this ILogger logger, string runDirectory, int epoch);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information,
        Message = "Epoch {Epoch}/{Epochs}: loss {Loss:F4}, lr {LearningRate:G3}, {Seconds:F1} s ({SamplesPerSecond:F1} samples/s), peak memory {PeakMemoryMegabytes:F0} MiB; val {Val}; test {Test}")]
    public static partial void EpochFinished(this ILogger logger, int epoch, int epochs, double loss, double learningRate, double seconds, double samplesPerSecond, double peakMemoryMegabytes, string val, string test);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Loss is {Loss} at epoch {Epoch}, step {Step}; stopping. Lower the learning rate or check the data.")]
    public static partial void LossNotFinite(this ILogger logger, double loss, int epoch, int step);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Run {RunDirectory} finished: selected epoch {Epoch} by {SelectedBy}")]
    public static partial void RunFinished(this ILogger logger, string runDirectory, int epoch, string selectedBy);
}
