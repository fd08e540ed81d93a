using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace UpPerson.Ingest;

/// <summary>
/// Second pipeline stage: groups queued crops into batches, embeds them and writes their sightings.
/// </summary>
internal sealed class EmbeddingStage(
    IngestPipelineOptions options,
    SightingBatchWriter batchWriter,
    IngestCounters counters,
    IProgress<IngestProgress>? progress,
    Stopwatch stopwatch,
    ILogger logger)
{
    /// <summary>
    /// Embeds and writes queued crops in batches until the channel completes. Cancelling
    /// <paramref name="stopToken"/> discards crops not yet embedded; <paramref name="drainToken"/>
    /// bounds how long a batch already embedded may take to reach the sink.
    /// </summary>
    public async Task RunAsync(
        ChannelReader<SelectedCrop> reader,
        CancellationToken stopToken,
        CancellationToken drainToken)
    {
        var batch = new List<SelectedCrop>(options.BatchSize);
        var batchStarted = TimeSpan.Zero;
        try
        {
            while (true)
            {
                var timeLeft = batch.Count == 0
                    ? Timeout.InfiniteTimeSpan
                    : options.MaxBatchDelay - (stopwatch.Elapsed - batchStarted);
                var wait = await WaitForCropsAsync(reader, timeLeft, stopToken).ConfigureAwait(false);
                if (wait == BatchWait.Completed)
                {
                    break;
                }

                while (batch.Count < options.BatchSize && reader.TryRead(out var crop))
                {
                    if (batch.Count == 0)
                    {
                        batchStarted = stopwatch.Elapsed;
                    }

                    batch.Add(crop);
                }

                if (batch.Count == options.BatchSize || (wait == BatchWait.TimedOut && batch.Count > 0))
                {
                    await WriteBatchAsync(batch, stopToken, drainToken).ConfigureAwait(false);
                    progress?.Report(counters.Snapshot(stopwatch.Elapsed));
                }
            }

            // The stream has ended: flush the last, partial batch.
            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch, stopToken, drainToken).ConfigureAwait(false);
                progress?.Report(counters.Snapshot(stopwatch.Elapsed));
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            if (drainToken.IsCancellationRequested)
            {
                IngestLog.DrainTimedOut(logger, options.CameraId, options.DrainTimeout);
            }
        }
        finally
        {
            foreach (var crop in batch)
            {
                crop.Dispose();
            }

            counters.AddDiscarded(batch.Count);
        }
    }

    /// <summary>
    /// Waits until crops can be read or the channel completes. A partial batch waits at most
    /// <paramref name="timeLeft"/>, because a live camera may go quiet with crops still unembedded.
    /// </summary>
    private static async Task<BatchWait> WaitForCropsAsync(
        ChannelReader<SelectedCrop> reader,
        TimeSpan timeLeft,
        CancellationToken stopToken)
    {
        if (timeLeft == Timeout.InfiniteTimeSpan)
        {
            return await reader.WaitToReadAsync(stopToken).ConfigureAwait(false) ? BatchWait.Available : BatchWait.Completed;
        }

        if (timeLeft <= TimeSpan.Zero)
        {
            return BatchWait.TimedOut;
        }

        using var delay = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        delay.CancelAfter(timeLeft);
        try
        {
            return await reader.WaitToReadAsync(delay.Token).ConfigureAwait(false) ? BatchWait.Available : BatchWait.Completed;
        }
        catch (OperationCanceledException) when (!stopToken.IsCancellationRequested)
        {
            return BatchWait.TimedOut;
        }
    }

    private async Task WriteBatchAsync(
        List<SelectedCrop> batch,
        CancellationToken stopToken,
        CancellationToken drainToken)
    {
        var written = false;
        try
        {
            var count = await batchWriter.WriteAsync(batch, stopToken, drainToken).ConfigureAwait(false);
            counters.AddSightingsWritten(count);
            written = true;
        }
        finally
        {
            foreach (var crop in batch)
            {
                crop.Dispose();
            }

            if (!written)
            {
                counters.AddDiscarded(batch.Count);
            }

            batch.Clear();
        }
    }

    private enum BatchWait
    {
        Available,
        TimedOut,
        Completed,
    }
}
