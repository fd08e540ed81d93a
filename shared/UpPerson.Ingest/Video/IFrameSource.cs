namespace UpPerson.Ingest;

/// <summary>
/// A video file, network stream or device that yields sampled frames in stream order.
/// </summary>
public interface IFrameSource : IDisposable
{
    VideoStreamInfo Stream { get; }

    /// <summary>
    /// Reads the stream and yields the sampled frames; the caller disposes each frame.
    /// A damaged or cut-off stream ends the sequence instead of throwing, and so does cancellation.
    /// <see cref="Summary"/> then records where reading stopped. Call it once per source.
    /// </summary>
    IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken);

    /// <summary>How reading ended; null until the sequence from <see cref="ReadFrames"/> has finished.</summary>
    FrameReadSummary? Summary { get; }
}
