using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Objectives;

/// <summary>
/// Similarity Distribution Matching (SDM, from IRRA, CVPR 2023): the KL divergence from each row's
/// softmax over scaled cosine similarities to the true matching distribution, in both directions.
/// </summary>
/// <remarks>
/// For a batch of N pairs with person ids y:
/// <list type="bullet">
/// <item>q_ij = 1[y_i = y_j] / Σ_k 1[y_i = y_k], so a row has as many positives as pairs of that person.</item>
/// <item>p^{i2t}_ij = softmax_j(cos(v_i, t_j) / τ), and p^{t2i} likewise with the roles swapped.</item>
/// <item>L_i2t = (1/N) Σ_i Σ_j p_ij (log p_ij − log(q_ij + ε)), L_t2i likewise, and L = L_i2t + L_t2i.</item>
/// </list>
/// q is symmetric (y_i = y_j implies both rows count the same positives), so both directions use it.
/// </remarks>
public static class SimilarityDistributionMatching
{
    /// <summary>Softmax temperature τ of UP-Person, a constant (logit scale 50).</summary>
    public const double DefaultTemperature = 0.02;

    /// <summary>ε inside log(q + ε), which keeps the zero entries of q finite.</summary>
    public const double DefaultEpsilon = 1e-8;

    /// <summary>Computes the SDM loss as a scalar fp32 tensor.</summary>
    /// <param name="imageEmbeddings">[N, D] image embeddings, not yet normalised; any floating dtype.</param>
    /// <param name="textEmbeddings">[N, D] text embeddings of the matching captions, not yet normalised.</param>
    /// <param name="personIds">[N] int64 person id of each pair.</param>
    /// <param name="temperature">τ; UP-Person uses <see cref="DefaultTemperature"/>.</param>
    /// <param name="epsilon">ε; UP-Person uses <see cref="DefaultEpsilon"/>.</param>
    public static Tensor Loss(
        Tensor imageEmbeddings,
        Tensor textEmbeddings,
        Tensor personIds,
        double temperature = DefaultTemperature,
        double epsilon = DefaultEpsilon)
    {
        EmbeddingBatch.ValidatePair(imageEmbeddings, textEmbeddings);
        EmbeddingBatch.ValidatePersonIds(personIds, imageEmbeddings.shape[0]);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);

        using var scope = torch.NewDisposeScope();
        var image = EmbeddingBatch.NormalizeFp32(imageEmbeddings);
        var text = EmbeddingBatch.NormalizeFp32(textEmbeddings);

        // [N, N]: row i scores image i against every caption.
        // Scalars are held in variables: TorchSharp leaves implicitly converted ones to the garbage
        // collector, which can free them while libtorch still reads them.
        using var temperatureScalar = temperature.ToScalar();
        using var epsilonScalar = epsilon.ToScalar();
        var imageToText = image.matmul(text.t()).div(temperatureScalar);
        var logTarget = MatchingDistribution(personIds.to(image.device)).add(epsilonScalar).log();

        var loss = RowKlDivergence(imageToText, logTarget) + RowKlDivergence(imageToText.t(), logTarget);
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>q: [N] person ids → [N, N] rows that spread mass 1 evenly over the same-id columns.</summary>
    public static Tensor MatchingDistribution(Tensor personIds)
    {
        using var scope = torch.NewDisposeScope();
        var sameId = personIds.unsqueeze(1).eq(personIds.unsqueeze(0)).to_type(ScalarType.Float32);
        return (sameId / sameId.sum(1, keepdim: true)).MoveToOuterDisposeScope();
    }

    /// <summary>(1/N) Σ_i KL(p_i ‖ q_i) with p_i = softmax(logits_i) and q_i given as log(q_i + ε).</summary>
    private static Tensor RowKlDivergence(Tensor logits, Tensor logTarget)
    {
        var logProbabilities = nn.functional.log_softmax(logits, 1);
        return (logProbabilities.exp() * (logProbabilities - logTarget)).sum(1).mean();
    }
}
