namespace UpPerson.Ingest;

/// <summary>Totals shared by the selection and embedding stages, which run on different threads.</summary>
internal sealed class IngestCounters
{
    private long _framesRead;
    private long _framesSampled;
    private long _detections;
    private long _cropsKept;
    private long _cropsDiscarded;
    private long _sightingsWritten;

    public long CropsDiscarded => Interlocked.Read(ref _cropsDiscarded);

    public long SightingsWritten => Interlocked.Read(ref _sightingsWritten);

    public void RecordFrame(long frameIndex, SelectionCounts selection)
    {
        Interlocked.Exchange(ref _framesRead, frameIndex + 1);
        Interlocked.Exchange(ref _framesSampled, selection.FramesAnalyzed);
        Interlocked.Exchange(ref _detections, selection.Detections);
        Interlocked.Exchange(ref _cropsKept, selection.Keep.Kept);
    }

    public void AddDiscarded(long count) => Interlocked.Add(ref _cropsDiscarded, count);

    public void AddSightingsWritten(long count) => Interlocked.Add(ref _sightingsWritten, count);

    public IngestProgress Snapshot(TimeSpan elapsed) => new(
        Interlocked.Read(ref _framesRead),
        Interlocked.Read(ref _framesSampled),
        Interlocked.Read(ref _detections),
        Interlocked.Read(ref _cropsKept),
        Interlocked.Read(ref _sightingsWritten),
        elapsed);
}
