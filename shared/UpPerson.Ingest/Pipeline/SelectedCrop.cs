using OpenCvSharp;

namespace UpPerson.Ingest;

/// <summary>
/// A person crop chosen for embedding, with where and when it was seen. The crop owns its image,
/// so the receiver must dispose it.
/// </summary>
public sealed class SelectedCrop : IDisposable
{
    public SelectedCrop(Mat image, CropRegion region, float score, long trackId, long frameIndex, DateTimeOffset timestampUtc)
    {
        ArgumentNullException.ThrowIfNull(image);

        Image = image;
        Region = region;
        Score = score;
        TrackId = trackId;
        FrameIndex = frameIndex;
        TimestampUtc = timestampUtc;
    }

    /// <summary>8-bit BGR pixels of <see cref="CropRegion.CropBox"/>, copied out of the frame.</summary>
    public Mat Image { get; }

    public CropRegion Region { get; }

    public float Score { get; }

    public long TrackId { get; }

    public long FrameIndex { get; }

    public DateTimeOffset TimestampUtc { get; }

    public void Dispose() => Image.Dispose();
}
