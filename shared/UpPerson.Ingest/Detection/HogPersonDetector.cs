using OpenCvSharp;
using UpPerson.Contracts;

namespace UpPerson.Ingest;

/// <summary>
/// Person detector built on OpenCV's HOG descriptor and its default people SVM (Dalal-Triggs,
/// 64x128 window).
/// </summary>
/// <remarks>
/// An instance is not thread-safe: give each worker its own. OpenCV spreads one detection over its
/// own worker threads already.
/// </remarks>
public sealed class HogPersonDetector : IPersonDetector, IDisposable
{
    private readonly HOGDescriptor _hog;
    private readonly HogDetectorOptions _options;

    public HogPersonDetector(HogDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _options = options;
        _hog = new HOGDescriptor();
        _hog.SetSVMDetector(HOGDescriptor.GetDefaultPeopleDetector());
    }

    public IReadOnlyList<PersonDetection> Detect(Mat bgrFrame)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        if (bgrFrame.Empty() || bgrFrame.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException(
                $"HOG person detection needs a non-empty 8-bit BGR frame (CV_8UC3), got {bgrFrame.Type()} " +
                $"of {bgrFrame.Width}x{bgrFrame.Height}. Convert the frame with Cv2.CvtColor first.",
                nameof(bgrFrame));
        }

        var factor = _options.UpscaleFactor;
        using var upscaled = new Mat();
        var input = bgrFrame;
        if (factor > 1)
        {
            Cv2.Resize(bgrFrame, upscaled, new Size(), factor, factor, InterpolationFlags.Linear);
            input = upscaled;
        }

        var stride = new Size(_options.WindowStridePixels, _options.WindowStridePixels);
        var padding = new Size(_options.PaddingPixels, _options.PaddingPixels);
        var rectangles = _hog.DetectMultiScale(
            input,
            out double[] weights,
            _options.HitThreshold,
            stride,
            padding,
            _options.PyramidScale,
            _options.GroupThreshold);

        var candidates = new List<PersonDetection>(rectangles.Length);
        for (var i = 0; i < rectangles.Length; i++)
        {
            var score = i < weights.Length ? weights[i] : 0;
            var box = ToFrameBox(rectangles[i], factor).ClampTo(bgrFrame.Width, bgrFrame.Height);
            if (score >= _options.MinScore && box.Width > 0 && box.Height >= _options.MinBoxHeightPixels)
            {
                candidates.Add(new PersonDetection(box, (float)score));
            }
        }

        return OverlapSuppression.Apply(candidates, _options.SuppressionOverlapThreshold);
    }

    public void Dispose() => _hog.Dispose();

    // Rounds outward, so the frame box covers every pixel of the upscaled one.
    private static BoundingBox ToFrameBox(Rect rectangle, double factor)
    {
        var left = (int)Math.Floor(rectangle.X / factor);
        var top = (int)Math.Floor(rectangle.Y / factor);
        var right = (int)Math.Ceiling(rectangle.Right / factor);
        var bottom = (int)Math.Ceiling(rectangle.Bottom / factor);
        return new BoundingBox(left, top, right - left, bottom - top);
    }
}
