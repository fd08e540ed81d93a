using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Objectives;

/// <summary>
/// The training objective chosen by a <see cref="LossConfig"/>: SDM, optionally ITC and the ID loss.
/// A module so that the ID classifier, when present, shows up in <c>named_parameters()</c>
/// (as <c>id_classifier.classifier.weight</c> and <c>.bias</c>) for the optimiser and checkpoints.
/// </summary>
public sealed class RetrievalObjective : nn.Module
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly IdentityClassifier? id_classifier;
#pragma warning restore IDE1006

    /// <param name="config">Loss selection and weights; validated here.</param>
    /// <param name="embeddingDimension">Embedding width D; used only to size the ID classifier.</param>
    public RetrievalObjective(LossConfig config, int embeddingDimension)
        : base(nameof(RetrievalObjective))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        if (config.IdWeight > 0)
        {
            id_classifier = new IdentityClassifier(embeddingDimension, config.IdClassCount);
        }

        RegisterComponents();
    }

    public LossConfig Config { get; }

    /// <summary>The ID classifier, or null when the ID loss is off.</summary>
    public IdentityClassifier? IdClassifier => id_classifier;

    /// <summary>Computes every enabled loss on one batch and their weighted total.</summary>
    /// <param name="imageEmbeddings">[N, D] image embeddings, not yet normalised.</param>
    /// <param name="textEmbeddings">[N, D] text embeddings of the matching captions.</param>
    /// <param name="personIds">[N] int64 person ids.</param>
    public LossBreakdown Compute(Tensor imageEmbeddings, Tensor textEmbeddings, Tensor personIds)
    {
        ArgumentNullException.ThrowIfNull(imageEmbeddings);
        ArgumentNullException.ThrowIfNull(textEmbeddings);
        ArgumentNullException.ThrowIfNull(personIds);

        using var scope = torch.NewDisposeScope();
        var total = torch.zeros(Array.Empty<long>(), dtype: ScalarType.Float32, device: imageEmbeddings.device);
        double? sdm = null, itc = null, id = null;

        if (Config.SdmWeight > 0)
        {
            var loss = SimilarityDistributionMatching.Loss(imageEmbeddings, textEmbeddings, personIds, Config.Temperature, Config.SdmEpsilon);
            using var weight = Config.SdmWeight.ToScalar();
            total = total.add(loss, weight);
            sdm = loss.item<float>();
        }

        if (Config.ItcWeight > 0)
        {
            var loss = ImageTextContrastive.Loss(imageEmbeddings, textEmbeddings, Config.Temperature);
            using var weight = Config.ItcWeight.ToScalar();
            total = total.add(loss, weight);
            itc = loss.item<float>();
        }

        if (id_classifier is not null)
        {
            var loss = id_classifier.Loss(imageEmbeddings, textEmbeddings, personIds);
            using var weight = Config.IdWeight.ToScalar();
            total = total.add(loss, weight);
            id = loss.item<float>();
        }

        return new LossBreakdown(total.MoveToOuterDisposeScope(), total.item<float>(), sdm, itc, id);
    }
}
