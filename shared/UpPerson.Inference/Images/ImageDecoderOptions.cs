using OpenCvSharp;

namespace UpPerson.Inference;

/// <summary>Limits and the alpha background used by <see cref="ImageDecoder"/>.</summary>
public sealed record ImageDecoderOptions
{
    /// <summary>
    /// CLIP's RGB mean (0.48145466, 0.4578275, 0.40821073) times 255, rounded, in BGR order.
    /// Fully transparent pixels become this colour, so after CLIP normalisation they lie within
    /// 0.01 of zero instead of looking like black or white clothing.
    /// </summary>
    public static readonly Vec3b ClipMeanBackgroundBgr = new(104, 117, 123);

    /// <summary>Largest accepted width × height, checked from the header before decoding.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>Largest accepted encoded size in bytes.</summary>
    public long MaxEncodedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Colour (BGR) that pixels with an alpha channel are composited over.</summary>
    public Vec3b AlphaBackgroundBgr { get; init; } = ClipMeanBackgroundBgr;
}
