using OpenCvSharp;

namespace UpPerson.Ingest;

/// <summary>
/// One decoded frame. The frame owns its image, so the receiver must dispose it.
/// </summary>
public sealed class VideoFrame : IDisposable
{
    public VideoFrame(Mat image, long index, TimeSpan position, DateTimeOffset timestampUtc)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        Image = image;
        Index = index;
        Position = position;
        TimestampUtc = timestampUtc;
    }

    /// <summary>8-bit BGR image (<c>CV_8UC3</c>).</summary>
    public Mat Image { get; }

    /// <summary>Zero-based index of the frame in its stream, counting frames that were not sampled.</summary>
    public long Index { get; }

    /// <summary>Presentation time of the frame relative to the stream's first frame.</summary>
    public TimeSpan Position { get; }

    /// <summary>Recording start plus <see cref="Position"/>, in UTC.</summary>
    public DateTimeOffset TimestampUtc { get; }

    public int Width => Image.Width;

    public int Height => Image.Height;

    public void Dispose() => Image.Dispose();
}
