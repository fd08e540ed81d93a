using Microsoft.Extensions.Logging;

namespace UpPerson.Ingest;

/// <summary>Log messages of <see cref="IngestPipeline"/>; event ids 2100-2119.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(
        EventId = 2100,
        Level = LogLevel.Information,
        Message = "Ingest of camera {CameraId} started on {Location} ({Width}x{Height}); batches of {BatchSize}, queue of {ChannelCapacity} crops ({ChannelFullMode} when full)")]
    public static partial void Started(
        ILogger logger,
        string cameraId,
        string location,
        int width,
        int height,
        int batchSize,
        int channelCapacity,
        string channelFullMode);

    [LoggerMessage(
        EventId = 2101,
        Level = LogLevel.Information,
        Message = "Ingest of camera {CameraId} stopped: {End}; {FramesRead} frames read, {FramesSampled} sampled, {Detections} detections, {TracksStarted} tracks, {CropsKept} crops kept, {CropsSkipped} skipped, {CropsDiscarded} discarded, {SightingsWritten} sightings written in {ElapsedSeconds:F1} s")]
    public static partial void Stopped(
        ILogger logger,
        string cameraId,
        string end,
        long framesRead,
        long framesSampled,
        long detections,
        long tracksStarted,
        long cropsKept,
        long cropsSkipped,
        long cropsDiscarded,
        long sightingsWritten,
        double elapsedSeconds);

    [LoggerMessage(
        EventId = 2102,
        Level = LogLevel.Warning,
        Message = "Ingest of camera {CameraId} was cancelled; {CropsDiscarded} crops that were not yet embedded or written are discarded")]
    public static partial void Cancelled(ILogger logger, string cameraId, long cropsDiscarded);

    [LoggerMessage(
        EventId = 2103,
        Level = LogLevel.Warning,
        Message = "Ingest of camera {CameraId}: writing embedded sightings took longer than the drain timeout of {DrainTimeout} after cancellation; the batch in progress was abandoned")]
    public static partial void DrainTimedOut(ILogger logger, string cameraId, TimeSpan drainTimeout);

    [LoggerMessage(
        EventId = 2104,
        Level = LogLevel.Error,
        Message = "Ingest of camera {CameraId} failed after {FramesRead} frames and {SightingsWritten} sightings written")]
    public static partial void Failed(ILogger logger, Exception exception, string cameraId, long framesRead, long sightingsWritten);
}
