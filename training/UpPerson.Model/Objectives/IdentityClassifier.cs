using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Objectives;

/// <summary>
/// Linear person-id classifier over the embeddings, trained together with the PETL modules for the
/// optional ID loss. Its parameters must be given to the optimiser next to the model's.
/// </summary>
/// <remarks>
/// The weight starts from N(0, 0.001²) and the bias from 0, so the first logits are near uniform.
/// The classifier reads the raw embeddings (cast to fp32), not the normalised ones.
/// </remarks>
public sealed class IdentityClassifier : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Linear classifier;
#pragma warning restore IDE1006

    /// <summary>Standard deviation of the initial classifier weights.</summary>
    public const double InitialStd = 0.001;

    /// <param name="embeddingDimension">Width D of the shared embedding space, 512 for ViT-B/16.</param>
    /// <param name="classCount">Number of training person ids; ids must lie in [0, classCount).</param>
    public IdentityClassifier(int embeddingDimension, int classCount)
        : base(nameof(IdentityClassifier))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        classifier = nn.Linear(embeddingDimension, classCount);
        using (torch.no_grad())
        {
            nn.init.normal_(classifier.weight!, std: InitialStd);
            nn.init.zeros_(classifier.bias!);
        }

        ClassCount = classCount;
        RegisterComponents();
    }

    public int ClassCount { get; }

    /// <summary>Class logits: [N, D] → [N, classCount], in fp32.</summary>
    public override Tensor forward(Tensor embeddings) =>
        classifier.forward(embeddings.to_type(ScalarType.Float32));

    /// <summary>
    /// Computes the ID loss ½ [CE(classify(image), y) + CE(classify(text), y)] as a scalar fp32 tensor.
    /// </summary>
    /// <param name="imageEmbeddings">[N, D] image embeddings.</param>
    /// <param name="textEmbeddings">[N, D] text embeddings.</param>
    /// <param name="personIds">[N] int64 ids in [0, <see cref="ClassCount"/>).</param>
    /// <exception cref="ArgumentException">An id lies outside [0, ClassCount).</exception>
    public Tensor Loss(Tensor imageEmbeddings, Tensor textEmbeddings, Tensor personIds)
    {
        EmbeddingBatch.ValidatePair(imageEmbeddings, textEmbeddings);
        EmbeddingBatch.ValidatePersonIds(personIds, imageEmbeddings.shape[0]);
        ValidateIdRange(personIds);

        using var scope = torch.NewDisposeScope();
        var targets = personIds.to(imageEmbeddings.device);
        var imageLoss = nn.functional.cross_entropy(forward(imageEmbeddings), targets);
        var textLoss = nn.functional.cross_entropy(forward(textEmbeddings), targets);
        using var two = 2.0.ToScalar();
        return (imageLoss + textLoss).div(two).MoveToOuterDisposeScope();
    }

    // Out-of-range targets make cross_entropy fail with an opaque native error, or a device assert on CUDA.
    private void ValidateIdRange(Tensor personIds)
    {
        var smallest = personIds.min().item<long>();
        var largest = personIds.max().item<long>();
        if (smallest < 0 || largest >= ClassCount)
        {
            throw new ArgumentException(
                $"Person ids span [{smallest}, {largest}], but the ID classifier has {ClassCount} classes and needs ids in [0, {ClassCount - 1}]. " +
                "Remap the training ids to 0..K−1 and build the classifier with K classes.",
                nameof(personIds));
        }
    }

    /// <summary>Draws the weights again from <paramref name="generator"/> and zeroes the bias.</summary>
    public void Reset(Generator generator)
    {
        using var noGrad = torch.no_grad();
        classifier.weight!.normal_(0, InitialStd, generator);
        nn.init.zeros_(classifier.bias!);
    }
}
