using System.Diagnostics;
using System.Threading.Channels;

namespace UpPerson.Ingest;

/// <summary>
/// First pipeline stage: reads frames, selects crops and queues them for embedding. Completes the
/// channel when it stops for any reason, so the embedding stage can flush and finish.
/// </summary>
internal static class SelectionStage
{
    public static async Task RunAsync(
        IFrameSource source,
        CropSelector selector,
        ChannelWriter<SelectedCrop> writer,
        IngestCounters counters,
        IProgress<IngestProgress>? progress,
        Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        try
        {
            foreach (var frame in source.ReadFrames(cancellationToken))
            {
                using (frame)
                {
                    var crops = selector.Select(frame);
                    counters.RecordFrame(frame.Index, selector.Counts);
                    await EnqueueAsync(writer, crops, counters, cancellationToken).ConfigureAwait(false);
                }

                progress?.Report(counters.Snapshot(stopwatch.Elapsed));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Intake stopped on request; the summary reports the cancellation.
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static async Task EnqueueAsync(
        ChannelWriter<SelectedCrop> writer,
        IReadOnlyList<SelectedCrop> crops,
        IngestCounters counters,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < crops.Count; i++)
        {
            try
            {
                await writer.WriteAsync(crops[i], cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                for (var rest = i; rest < crops.Count; rest++)
                {
                    crops[rest].Dispose();
                }

                counters.AddDiscarded(crops.Count - i);
                throw;
            }
        }
    }
}
