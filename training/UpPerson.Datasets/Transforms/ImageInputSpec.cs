using UpPerson.Contracts;

namespace UpPerson.Datasets;

/// <summary>Image encoder input: size in pixels and the per-channel RGB normalisation applied after scaling to [0, 1].</summary>
public sealed record ImageInputSpec(int Height, int Width, IReadOnlyList<float> Mean, IReadOnlyList<float> Std)
{
    /// <summary>OpenAI CLIP's RGB mean.</summary>
    public static IReadOnlyList<float> ClipMean { get; } = [0.48145466f, 0.4578275f, 0.40821073f];

    /// <summary>OpenAI CLIP's RGB standard deviation.</summary>
    public static IReadOnlyList<float> ClipStd { get; } = [0.26862954f, 0.26130258f, 0.27577711f];

    /// <summary>UP-Person's input: 384 × 128 (height × width) with CLIP's mean and std.</summary>
    public static ImageInputSpec UpPersonDefault { get; } = new(384, 128, ClipMean, ClipStd);

    /// <summary>Floats one image occupies: 3 × Height × Width.</summary>
    public int TensorLength => 3 * Height * Width;

    // ClipImagePreprocessor reads only the size, mean and std; the ONNX fields do not apply here.
    internal ImageEncoderSpec ToEncoderSpec() =>
        new(Height, Width, [.. Mean], [.. Std], OnnxFile: string.Empty, InputName: string.Empty, OutputName: string.Empty);
}
