using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Objectives;

/// <summary>
/// Image-text contrastive loss (ITC): symmetric InfoNCE where pair i is the only positive of row i,
/// as in CLIP. Off by default for UP-Person.
/// </summary>
/// <remarks>
/// L = ½ [CE(S/τ, diag) + CE(Sᵀ/τ, diag)] with S_ij = cos(v_i, t_j): the mean of the two
/// directions, unlike SDM, which sums them. Person ids are ignored, so two captions of one person
/// in a batch count as negatives of each other.
/// </remarks>
public static class ImageTextContrastive
{
    /// <summary>Computes the ITC loss as a scalar fp32 tensor.</summary>
    /// <param name="imageEmbeddings">[N, D] image embeddings, not yet normalised.</param>
    /// <param name="textEmbeddings">[N, D] text embeddings, not yet normalised; row i matches image i.</param>
    /// <param name="temperature">τ, the same constant as SDM by default.</param>
    public static Tensor Loss(
        Tensor imageEmbeddings,
        Tensor textEmbeddings,
        double temperature = SimilarityDistributionMatching.DefaultTemperature)
    {
        EmbeddingBatch.ValidatePair(imageEmbeddings, textEmbeddings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);

        using var scope = torch.NewDisposeScope();
        var image = EmbeddingBatch.NormalizeFp32(imageEmbeddings);
        var text = EmbeddingBatch.NormalizeFp32(textEmbeddings);
        using var temperatureScalar = temperature.ToScalar();
        using var two = 2.0.ToScalar();
        var logits = image.matmul(text.t()).div(temperatureScalar);
        var targets = torch.arange(logits.shape[0], dtype: ScalarType.Int64, device: logits.device);

        var imageToText = nn.functional.cross_entropy(logits, targets);
        var textToImage = nn.functional.cross_entropy(logits.t(), targets);
        return (imageToText + textToImage).div(two).MoveToOuterDisposeScope();
    }
}
