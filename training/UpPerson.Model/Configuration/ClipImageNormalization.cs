namespace UpPerson.Model.Configuration;

/// <summary>Per-channel RGB statistics OpenAI's CLIP was trained with; pixels are scaled to [0, 1] first.</summary>
public static class ClipImageNormalization
{
    public static IReadOnlyList<float> Mean { get; } = [0.48145466f, 0.4578275f, 0.40821073f];

    public static IReadOnlyList<float> Std { get; } = [0.26862954f, 0.26130258f, 0.27577711f];
}
