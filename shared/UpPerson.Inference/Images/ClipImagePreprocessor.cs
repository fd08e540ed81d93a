using OpenCvSharp;
using UpPerson.Contracts;

namespace UpPerson.Inference;

/// <summary>
/// Turns an 8-bit BGR image into the image encoder's float32 input, laid out CHW in RGB order.
/// The image is resized straight to Height × Width with bicubic interpolation, without keeping the
/// aspect ratio, as in training. Samples are scaled to [0, 1], then normalised per channel with the
/// manifest's mean and std. Thread-safe.
/// </summary>
public sealed class ClipImagePreprocessor
{
    private const int ChannelCount = 3;

    // Per output channel (R, G, B), the normalised value of each 8-bit sample, computed in double.
    private readonly float[][] _lookup;

    public ClipImagePreprocessor(ImageEncoderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Height <= 0 || spec.Width <= 0)
        {
            throw new ArgumentException($"Image input size must be positive, got {spec.Height}x{spec.Width} (HxW).", nameof(spec));
        }

        if (spec.Mean is not { Length: ChannelCount } || spec.Std is not { Length: ChannelCount })
        {
            throw new ArgumentException(
                $"Image mean and std need 3 values (R, G, B), got {spec.Mean?.Length ?? 0} and {spec.Std?.Length ?? 0}.", nameof(spec));
        }

        if (spec.Std.Any(value => !(value > 0) || float.IsInfinity(value)))
        {
            throw new ArgumentException($"Image std values must be positive and finite, got [{string.Join(", ", spec.Std)}].", nameof(spec));
        }

        Height = spec.Height;
        Width = spec.Width;
        _lookup = new float[ChannelCount][];
        for (var channel = 0; channel < ChannelCount; channel++)
        {
            _lookup[channel] = new float[256];
            for (var sample = 0; sample < 256; sample++)
            {
                _lookup[channel][sample] = (float)(((sample / 255.0) - spec.Mean[channel]) / spec.Std[channel]);
            }
        }
    }

    public int Height { get; }

    public int Width { get; }

    /// <summary>Floats one image occupies: 3 × Height × Width.</summary>
    public int TensorLength => ChannelCount * Height * Width;

    /// <summary>Writes one image as [3, Height, Width] RGB into the first <see cref="TensorLength"/> floats of <paramref name="destination"/>.</summary>
    /// <param name="bgrImage">Any size, <c>CV_8UC3</c>; ROIs (non-continuous Mats) are fine.</param>
    /// <param name="destination">For example one image's slice of a batch buffer.</param>
    public void Preprocess(Mat bgrImage, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(bgrImage);
        if (bgrImage.Empty() || bgrImage.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException(
                $"Expected a non-empty 8-bit BGR image (CV_8UC3), got {bgrImage.Type()} of {bgrImage.Width}x{bgrImage.Height}. Decode images with ImageDecoder.",
                nameof(bgrImage));
        }

        if (destination.Length < TensorLength)
        {
            throw new ArgumentException($"Destination has room for {destination.Length} floats, but one image needs {TensorLength}.", nameof(destination));
        }

        // NOTE: OpenCV's bicubic resize does not low-pass filter when shrinking, unlike PIL's bicubic
        // used by the reference training. Crops much larger than the input size alias slightly.
        var needsResize = bgrImage.Rows != Height || bgrImage.Cols != Width;
        using var resized = needsResize ? new Mat() : null;
        if (resized is not null)
        {
            Cv2.Resize(bgrImage, resized, new Size(Width, Height), 0, 0, InterpolationFlags.Cubic);
        }

        WriteNormalisedPlanes(resized ?? bgrImage, destination);
    }

    private void WriteNormalisedPlanes(Mat image, Span<float> destination)
    {
        var plane = Height * Width;
        var red = destination.Slice(0, plane);
        var green = destination.Slice(plane, plane);
        var blue = destination.Slice(2 * plane, plane);
        var redLookup = _lookup[0];
        var greenLookup = _lookup[1];
        var blueLookup = _lookup[2];

        for (var y = 0; y < Height; y++)
        {
            var row = image.RowSpan<byte>(y);
            var offset = y * Width;
            for (var x = 0; x < Width; x++)
            {
                blue[offset + x] = blueLookup[row[3 * x]];
                green[offset + x] = greenLookup[row[(3 * x) + 1]];
                red[offset + x] = redLookup[row[(3 * x) + 2]];
            }
        }
    }
}
