using OpenCvSharp;
using UpPerson.Contracts;

namespace UpPerson.Ingest;

/// <summary>Clamps detector boxes to the frame, drops those left too small and adds the crop margin.</summary>
public sealed class CropGeometry
{
    private readonly CropOptions _options;

    public CropGeometry(CropOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _options = options;
    }

    /// <summary>
    /// Returns the person and crop boxes for a detection, or null when the box clamped to the frame is
    /// narrower or shorter than the configured minimum (an empty box always is).
    /// </summary>
    public CropRegion? Locate(BoundingBox detectionBox, int frameWidth, int frameHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameHeight);

        var personBox = detectionBox.ClampTo(frameWidth, frameHeight);
        if (personBox.Width < _options.MinWidthPixels || personBox.Height < _options.MinHeightPixels)
        {
            return null;
        }

        var marginX = (int)Math.Round(personBox.Width * _options.MarginFraction);
        var marginY = (int)Math.Round(personBox.Height * _options.MarginFraction);
        var cropBox = new BoundingBox(
            personBox.X - marginX,
            personBox.Y - marginY,
            personBox.Width + (2 * marginX),
            personBox.Height + (2 * marginY)).ClampTo(frameWidth, frameHeight);
        return new CropRegion(personBox, cropBox);
    }

    /// <summary>Returns a copy of the pixels under <paramref name="box"/>, so the frame can be released.</summary>
    public static Mat CopyPixels(Mat frame, BoundingBox box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (box.Width <= 0 || box.Height <= 0 || box.X < 0 || box.Y < 0 || box.Right > frame.Width || box.Bottom > frame.Height)
        {
            throw new ArgumentOutOfRangeException(
                nameof(box),
                box,
                $"Crop box {box} must be non-empty and inside the {frame.Width}x{frame.Height} frame; get it from Locate.");
        }

        using var view = new Mat(frame, new Rect(box.X, box.Y, box.Width, box.Height));
        return view.Clone();
    }
}
