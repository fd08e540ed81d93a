using OpenCvSharp;
using UpPerson.Inference;

namespace UpPerson.Datasets;

/// <summary>
/// UP-Person's training augmentation: bicubic resize to the input size, horizontal flip, zero padding,
/// random crop back to the input size, scaling to [0, 1] with mean/std normalisation, then random
/// erasing. Every random choice comes from the caller's <see cref="Random"/>, in that order, so a
/// seeded generator reproduces the output. Thread-safe when each thread passes its own generator.
/// </summary>
public sealed class TrainingImageTransform
{
    private readonly TrainingImageTransformOptions _options;
    private readonly ClipImagePreprocessor _normalizer;
    private readonly RandomErasing _erasing;

    /// <exception cref="ArgumentException">An option is invalid; the message names each one.</exception>
    public TrainingImageTransform(TrainingImageTransformOptions? options = null)
    {
        _options = options ?? new TrainingImageTransformOptions();
        _options.Validate();
        _normalizer = new ClipImagePreprocessor(_options.Input.ToEncoderSpec());
        _erasing = new RandomErasing(_options);
    }

    public TrainingImageTransformOptions Options => _options;

    public int Height => _options.Input.Height;

    public int Width => _options.Input.Width;

    /// <summary>Floats one image occupies: 3 × Height × Width.</summary>
    public int TensorLength => _normalizer.TensorLength;

    /// <summary>Writes one augmented image as [3, Height, Width] RGB floats into the start of <paramref name="destination"/>.</summary>
    /// <param name="bgrImage">8-bit BGR image of any size, as <see cref="ImageDecoder"/> returns.</param>
    /// <param name="destination">At least <see cref="TensorLength"/> floats.</param>
    /// <param name="random">Source of every random choice.</param>
    public ImageAugmentation Apply(Mat bgrImage, Span<float> destination, Random random)
    {
        ArgumentNullException.ThrowIfNull(bgrImage);
        ArgumentNullException.ThrowIfNull(random);
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

        // NOTE: OpenCV's bicubic resize does not low-pass filter when shrinking. The reference training
        // resizes with torchvision's antialiased PIL Resize, so large crops alias slightly more here.
        using var resized = new Mat();
        Cv2.Resize(bgrImage, resized, new Size(Width, Height), 0, 0, InterpolationFlags.Cubic);

        var flipped = random.NextDouble() < _options.FlipProbability;
        using var oriented = new Mat();
        if (flipped)
        {
            Cv2.Flip(resized, oriented, FlipMode.Y);
        }
        else
        {
            resized.CopyTo(oriented);
        }

        var padding = _options.PaddingPixels;
        using var padded = new Mat();
        Cv2.CopyMakeBorder(oriented, padded, padding, padding, padding, padding, BorderTypes.Constant, Scalar.All(0));

        // As torchvision's RandomCrop, no offsets are drawn when the padded image already has the crop size.
        var cropTop = padding == 0 ? 0 : random.Next(0, (2 * padding) + 1);
        var cropLeft = padding == 0 ? 0 : random.Next(0, (2 * padding) + 1);
        using var crop = new Mat(padded, new Rect(cropLeft, cropTop, Width, Height));
        _normalizer.Preprocess(crop, destination);

        var erased = _erasing.Apply(destination[..TensorLength], Height, Width, random);
        return new ImageAugmentation(flipped, cropTop, cropLeft, erased);
    }
}
