using TorchSharp;
using UpPerson.Model.Objectives;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests.Objectives;

public sealed class AuxiliaryLossTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void ImageTextContrastive_TwoPairs_EqualsHandValue()
    {
        // Images e1, e2; captions e1, e1 (the second one unnormalised); τ = 0.02, so logits are 0 or 50.
        // i2t: image 0 gets logits [50, 50], target 0: CE = ln 2; image 1 gets [0, 0], target 1: CE = ln 2.
        // t2i: caption 0 gets [50, 0], target 0: CE = ln(1 + e^−50) ≈ 0; caption 1 gets [50, 0],
        //   target 1: CE = 50 + ln(1 + e^−50) ≈ 50.
        // ITC = ½(mean i2t + mean t2i) = ½(ln 2 + 25) ≈ 12.846574.
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        var captions = torch.tensor(new float[] { 1, 0, 3, 0 }, [2, 2]);

        var loss = ImageTextContrastive.Loss(images, captions).item<float>();

        Assert.Equal(0.5 * (Math.Log(2) + 25), loss, Tolerance);
    }

    [Fact]
    public void ImageTextContrastive_Backward_GradientsReachBothInputs()
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Generator(4);
        var images = torch.randn([3, 8], generator: generator).requires_grad_();
        var captions = torch.randn([3, 8], generator: generator).requires_grad_();

        ImageTextContrastive.Loss(images, captions).backward();

        Assert.True(images.grad!.abs().max().item<float>() > 1e-6);
        Assert.True(captions.grad!.abs().max().item<float>() > 1e-6);
    }

    [Fact]
    public void IdentityClassifierLoss_ZeroWeights_EqualsLogClassCount()
    {
        // With weight and bias zero every logit is 0, so each cross-entropy is ln K, and so is their mean.
        using var scope = torch.NewDisposeScope();
        using var classifier = new IdentityClassifier(embeddingDimension: 4, classCount: 7);
        using (torch.no_grad())
        {
            foreach (var parameter in classifier.parameters())
            {
                parameter.zero_();
            }
        }

        var generator = new Generator(6);
        var loss = classifier.Loss(torch.randn([3, 4], generator: generator), torch.randn([3, 4], generator: generator), torch.tensor(new long[] { 0, 3, 6 }));

        Assert.Equal(Math.Log(7), loss.item<float>(), Tolerance);
    }

    [Fact]
    public void IdentityClassifierLoss_Backward_ClassifierGetsGradients()
    {
        using var scope = torch.NewDisposeScope();
        using var classifier = new IdentityClassifier(embeddingDimension: 4, classCount: 5);
        var generator = new Generator(7);
        var images = torch.randn([3, 4], generator: generator).requires_grad_();
        var captions = torch.randn([3, 4], generator: generator).requires_grad_();

        classifier.Loss(images, captions, torch.tensor(new long[] { 0, 1, 4 })).backward();

        var names = classifier.named_parameters().Select(entry => entry.name).ToArray();
        Assert.Equal(["classifier.weight", "classifier.bias"], names);
        foreach (var (name, parameter) in classifier.named_parameters())
        {
            Assert.True(parameter.grad!.abs().max().item<float>() > 0, $"{name} got no gradient");
        }

        Assert.True(images.grad!.abs().max().item<float>() > 0);
        Assert.True(captions.grad!.abs().max().item<float>() > 0);
    }

    [Fact]
    public void IdentityClassifierLoss_IdOutOfRange_ErrorNamesRange()
    {
        using var scope = torch.NewDisposeScope();
        using var classifier = new IdentityClassifier(embeddingDimension: 4, classCount: 5);

        var error = Assert.Throws<ArgumentException>(() =>
            classifier.Loss(torch.ones(2, 4), torch.ones(2, 4), torch.tensor(new long[] { 1, 5 })));

        Assert.Contains("[1, 5]", error.Message, StringComparison.Ordinal);
        Assert.Contains("5 classes", error.Message, StringComparison.Ordinal);
    }
}
