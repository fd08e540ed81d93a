using OpenCvSharp;
using UpPerson.Inference;

namespace UpPerson.Datasets;

/// <summary>
/// Evaluation preprocessing: bicubic resize to the input size, then scaling and normalisation, with
/// no randomness. It wraps the search service's <see cref="ClipImagePreprocessor"/>, so evaluation
/// inputs match search inputs exactly. Thread-safe.
/// </summary>
public sealed class EvaluationImageTransform
{
    private readonly ClipImagePreprocessor _preprocessor;

    /// <exception cref="ArgumentException">The size is not positive, or mean and std are not 3 values with positive std.</exception>
    public EvaluationImageTransform(ImageInputSpec? input = null)
    {
        Input = input ?? ImageInputSpec.UpPersonDefault;
        _preprocessor = new ClipImagePreprocessor(Input.ToEncoderSpec());
    }

    public ImageInputSpec Input { get; }

    /// <summary>Floats one image occupies: 3 × Height × Width.</summary>
    public int TensorLength => _preprocessor.TensorLength;

    /// <summary>Writes one image as [3, Height, Width] RGB floats into the start of <paramref name="destination"/>.</summary>
    /// <param name="bgrImage">8-bit BGR image of any size, as <see cref="ImageDecoder"/> returns.</param>
    /// <param name="destination">At least <see cref="TensorLength"/> floats, for example one image's slice of a batch.</param>
    public void Apply(Mat bgrImage, Span<float> destination) => _preprocessor.Preprocess(bgrImage, destination);
}
