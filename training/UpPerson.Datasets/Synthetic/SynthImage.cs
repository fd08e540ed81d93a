namespace UpPerson.Datasets.Synthetic;

/// <summary>Size of every SynthPeds image: 384 × 128 pixels (height × width), the input size UP-Person trains and tests at.</summary>
public static class SynthImage
{
    public const int Height = 384;

    public const int Width = 128;
}
