using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using UpPerson.Contracts;
using UpPerson.Inference;

namespace UpPerson.Ingest;

/// <summary>
/// Indexes one camera's stream. One task reads frames, detects and tracks people and selects crops.
/// A second task embeds the crops in batches, stores them and writes sightings. A bounded channel joins the two.
/// </summary>
/// <remarks>
/// The detector is used from one thread at a time, so run one stream at a time per instance.
/// A sighting counts as written only after <see cref="ISightingSink.WriteAsync"/> has returned for its batch.
/// </remarks>
public sealed class IngestPipeline
{
    private readonly IngestPipelineOptions _options;
    private readonly IPersonDetector _detector;
    private readonly IImageEmbedder _embedder;
    private readonly CropStore _cropStore;
    private readonly ISightingSink _sink;
    private readonly ILogger<IngestPipeline> _logger;

    public IngestPipeline(
        IngestPipelineOptions options,
        IPersonDetector detector,
        IImageEmbedder embedder,
        CropStore cropStore,
        ISightingSink sink,
        ILogger<IngestPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(cropStore);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();

        _options = options;
        _detector = detector;
        _embedder = embedder;
        _cropStore = cropStore;
        _sink = sink;
        _logger = logger;
    }

    /// <summary>
    /// Reads the source to its end and returns a summary of the run. The caller owns and disposes
    /// <paramref name="source"/>.
    /// </summary>
    /// <remarks>
    /// Cancellation stops reading and discards crops not yet embedded. A batch already embedded is still
    /// written, unless that takes longer than the drain timeout. The summary then reports
    /// <see cref="StreamEnd.Cancelled"/> instead of the method throwing. When reading or detection fails,
    /// the crops already queued are still embedded and written before that exception is rethrown. When
    /// embedding or writing fails, reading stops and that exception is rethrown.
    /// </remarks>
    public async Task<IngestSummary> RunAsync(
        IFrameSource source,
        IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);

        var stopwatch = Stopwatch.StartNew();
        var counters = new IngestCounters();
        var selector = CreateSelector(source.Stream);
        var channel = CreateChannel(counters);
        var batchWriter = new SightingBatchWriter(_options.CameraId, _embedder, _cropStore, _sink);
        IngestLog.Started(
            _logger,
            _options.CameraId,
            source.Stream.Location,
            source.Stream.Width,
            source.Stream.Height,
            _options.BatchSize,
            _options.ChannelCapacity,
            _options.ChannelFullMode.ToString());

        using var stopIntake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var drain = new CancellationTokenSource();
        using var startDrainClock = cancellationToken.Register(() => drain.CancelAfter(_options.DrainTimeout));

        var embeddingStage = new EmbeddingStage(_options, batchWriter, counters, progress, stopwatch, _logger);
        var selection = Task.Run(
            () => SelectionStage.RunAsync(source, selector, channel.Writer, counters, progress, stopwatch, stopIntake.Token),
            CancellationToken.None);
        var embedding = Task.Run(
            () => embeddingStage.RunAsync(channel.Reader, cancellationToken, drain.Token),
            CancellationToken.None);

        Exception? failure = null;
        try
        {
            await embedding.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Without a consumer the producer would wait on a full channel forever.
            failure = exception;
            await stopIntake.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await selection.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure ??= exception;
        }

        DiscardQueued(channel.Reader, counters);
        var summary = Summarize(source, selector, counters, stopwatch.Elapsed, cancellationToken.IsCancellationRequested);
        if (failure is not null)
        {
            IngestLog.Failed(_logger, failure, _options.CameraId, summary.FramesRead, summary.SightingsWritten);
            ExceptionDispatchInfo.Throw(failure);
        }

        LogStopped(summary);
        return summary;
    }

    private CropSelector CreateSelector(VideoStreamInfo stream)
    {
        // Track ids start at the recording start in Unix milliseconds times 1000. Recordings of one
        // camera thus keep disjoint ids unless one starts more than 1000 tracks per millisecond
        // between the two start times.
        var firstTrackId = (stream.RecordingStartUtc.ToUnixTimeMilliseconds() * 1000) + 1;
        return new CropSelector(
            _detector,
            new CropGeometry(_options.Crop),
            new IouTracker(_options.Tracker, firstTrackId),
            new TrackKeepPolicy(_options.Keep));
    }

    private Channel<SelectedCrop> CreateChannel(IngestCounters counters)
    {
        var channelOptions = new BoundedChannelOptions(_options.ChannelCapacity)
        {
            FullMode = _options.ChannelFullMode,
            SingleReader = true,
            SingleWriter = true,
        };
        return Channel.CreateBounded<SelectedCrop>(channelOptions, dropped =>
        {
            dropped.Dispose();
            counters.AddDiscarded(1);
        });
    }

    private static void DiscardQueued(ChannelReader<SelectedCrop> reader, IngestCounters counters)
    {
        while (reader.TryRead(out var crop))
        {
            crop.Dispose();
            counters.AddDiscarded(1);
        }
    }

    private IngestSummary Summarize(
        IFrameSource source,
        CropSelector selector,
        IngestCounters counters,
        TimeSpan elapsed,
        bool cancelled)
    {
        // The source always leaves a summary once its enumeration has ended; this covers a source that never started.
        var read = source.Summary
            ?? new FrameReadSummary(StreamEnd.Cancelled, 0, 0, 0, TimeSpan.Zero, source.Stream.DeclaredFrameCount);
        return new IngestSummary(
            _options.CameraId,
            source.Stream.Location,
            cancelled ? StreamEnd.Cancelled : read.End,
            read,
            selector.Counts,
            counters.CropsDiscarded,
            counters.SightingsWritten,
            elapsed);
    }

    private void LogStopped(IngestSummary summary)
    {
        if (summary.End == StreamEnd.Cancelled)
        {
            IngestLog.Cancelled(_logger, summary.CameraId, summary.CropsDiscarded);
        }

        IngestLog.Stopped(
            _logger,
            summary.CameraId,
            summary.DescribeEnd(),
            summary.FramesRead,
            summary.FramesSampled,
            summary.Detections,
            summary.Selection.TracksStarted,
            summary.CropsKept,
            summary.CropsSkipped,
            summary.CropsDiscarded,
            summary.SightingsWritten,
            summary.Elapsed.TotalSeconds);
    }

}
