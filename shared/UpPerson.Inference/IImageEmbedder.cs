using OpenCvSharp;

namespace UpPerson.Inference;

/// <summary>Embeds person crops with a bundle's image encoder.</summary>
public interface IImageEmbedder
{
    /// <summary>Id of the model bundle; embeddings from different ids must never be compared.</summary>
    string ModelId { get; }

    int EmbeddingSize { get; }

    /// <summary>
    /// Embeds 8-bit BGR images (OpenCV's <c>CV_8UC3</c>) of any size, in batches.
    /// Returns one L2-normalised vector per image, in input order.
    /// </summary>
    IReadOnlyList<float[]> EmbedImages(IReadOnlyList<Mat> bgrImages, CancellationToken cancellationToken = default);
}
