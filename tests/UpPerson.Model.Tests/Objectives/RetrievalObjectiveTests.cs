using TorchSharp;
using UpPerson.Model.Objectives;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests.Objectives;

public sealed class RetrievalObjectiveTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Compute_DefaultConfig_SdmOnly()
    {
        using var scope = torch.NewDisposeScope();
        var (images, captions, ids) = Batch(seed: 1);
        using var objective = new RetrievalObjective(new LossConfig(), embeddingDimension: 8);

        var result = objective.Compute(images, captions, ids);

        var sdm = SimilarityDistributionMatching.Loss(images, captions, ids).item<float>();
        Assert.Null(objective.IdClassifier);
        Assert.Empty(objective.parameters());
        Assert.Equal(sdm, result.Sdm!.Value, Tolerance);
        Assert.Null(result.Itc);
        Assert.Null(result.Id);
        Assert.Equal(sdm, result.TotalValue, Tolerance);
        Assert.Equal(sdm, result.Total.item<float>(), Tolerance);
    }

    [Fact]
    public void Compute_AllLosses_TotalIsWeightedSum()
    {
        using var scope = torch.NewDisposeScope();
        var (images, captions, ids) = Batch(seed: 2);
        var config = new LossConfig { SdmWeight = 1.0, ItcWeight = 0.5, IdWeight = 0.25, IdClassCount = 6 };
        using var objective = new RetrievalObjective(config, embeddingDimension: 8);

        var result = objective.Compute(images, captions, ids);

        var expected = result.Sdm!.Value + 0.5 * result.Itc!.Value + 0.25 * result.Id!.Value;
        Assert.Equal(expected, result.TotalValue, Tolerance);
        Assert.Equal(ImageTextContrastive.Loss(images, captions).item<float>(), result.Itc.Value, Tolerance);
        Assert.Equal(
            ["id_classifier.classifier.weight", "id_classifier.classifier.bias"],
            objective.named_parameters().Select(entry => entry.name).ToArray());
    }

    [Fact]
    public void Compute_TotalBackward_ReachesEmbeddingsAndClassifier()
    {
        using var scope = torch.NewDisposeScope();
        var (images, captions, ids) = Batch(seed: 3);
        images.requires_grad_();
        captions.requires_grad_();
        using var objective = new RetrievalObjective(new LossConfig { IdWeight = 1, IdClassCount = 6 }, embeddingDimension: 8);

        objective.Compute(images, captions, ids).Total.backward();

        Assert.True(images.grad!.abs().max().item<float>() > 1e-6);
        Assert.True(captions.grad!.abs().max().item<float>() > 1e-6);
        Assert.True(objective.IdClassifier!.parameters().First().grad!.abs().max().item<float>() > 0);
    }

    [Fact]
    public void Validate_SeveralProblems_ListsAllOfThem()
    {
        var config = new LossConfig { SdmWeight = -1, IdWeight = 1, IdClassCount = 0, Temperature = 0 };

        var error = Assert.Throws<ArgumentException>(config.Validate);

        Assert.Contains("SdmWeight is -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("IdClassCount is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Temperature is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllWeightsZero_Rejected()
    {
        var config = new LossConfig { SdmWeight = 0 };

        var error = Assert.Throws<ArgumentException>(config.Validate);

        Assert.Contains("all loss weights are 0", error.Message, StringComparison.Ordinal);
    }

    private static (Tensor Images, Tensor Captions, Tensor Ids) Batch(long seed)
    {
        var generator = new Generator((ulong)seed);
        return (
            torch.randn([5, 8], generator: generator),
            torch.randn([5, 8], generator: generator),
            torch.tensor(new long[] { 0, 0, 2, 3, 5 }));
    }
}
