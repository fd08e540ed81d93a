using TorchSharp;
using TorchSharp.Modules;
using UpPerson.Model.Optimization;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests.Optimization;

/// <summary>
/// Schedule values for the recipe (lr 1e-3, 60 epochs, 5 warm-up epochs, start factor 0.1). Epoch e
/// uses t = e − 1: warm-up lr·(0.1 + 0.9·t/5), cosine lr·½(1 + cos(π(t − 5)/55)).
/// </summary>
public sealed class WarmupCosineScheduleTests
{
    private const double Tolerance = 1e-12;
    private const double BaseRate = 1e-3;

    [Theory]
    [InlineData(1, 1e-4)] // t = 0: 0.1·lr.
    [InlineData(2, 2.8e-4)] // t = 1: (0.1 + 0.9/5)·lr = 0.28·lr.
    [InlineData(5, 8.2e-4)] // t = 4: (0.1 + 0.9·4/5)·lr = 0.82·lr, the last warm-up epoch.
    [InlineData(6, 1e-3)] // t = 5: first cosine epoch, ½(1 + cos 0)·lr = lr.
    public void LearningRateAt_WarmupAndFirstCosineEpoch_HandValues(int epoch, double expected)
    {
        var schedule = new WarmupCosineSchedule(BaseRate);

        Assert.Equal(expected, schedule.LearningRateAt(epoch), Tolerance);
    }

    [Fact]
    public void LearningRateAt_Epoch33_HalfwayCosine()
    {
        // t = 32: ½(1 + cos(27π/55))·lr, and cos(27π/55) = cos(π/2 − π/110) = sin(π/110),
        // so lr·½(1 + sin(π/110)) ≈ 5.142780e-4.
        var schedule = new WarmupCosineSchedule(BaseRate);

        Assert.Equal(BaseRate * 0.5 * (1 + Math.Sin(Math.PI / 110)), schedule.LearningRateAt(33), Tolerance);
        Assert.Equal(5.142780254e-4, schedule.LearningRateAt(33), 1e-12);
    }

    [Fact]
    public void LearningRateAt_Epoch60_LastCosineStepAboveZero()
    {
        // t = 59: ½(1 + cos(54π/55))·lr = ½(1 − cos(π/55))·lr = sin²(π/110)·lr ≈ 8.154480e-7.
        var schedule = new WarmupCosineSchedule(BaseRate);

        Assert.Equal(BaseRate * Math.Pow(Math.Sin(Math.PI / 110), 2), schedule.LearningRateAt(60), Tolerance);
        Assert.Equal(8.15448037e-7, schedule.LearningRateAt(60), 1e-12);
    }

    [Fact]
    public void LearningRateAt_CustomLengths_FollowsParameters()
    {
        // T = 10, W = 2, f = 0.5: e1 = 0.5·lr, e2 = 0.75·lr, e3 = lr, e10: t − W = 7 of 8,
        // ½(1 + cos(7π/8))·lr.
        var schedule = new WarmupCosineSchedule(2e-4, totalEpochs: 10, warmupEpochs: 2, warmupStartFactor: 0.5);

        Assert.Equal(1e-4, schedule.LearningRateAt(1), Tolerance);
        Assert.Equal(1.5e-4, schedule.LearningRateAt(2), Tolerance);
        Assert.Equal(2e-4, schedule.LearningRateAt(3), Tolerance);
        Assert.Equal(2e-4 * 0.5 * (1 + Math.Cos(7 * Math.PI / 8)), schedule.LearningRateAt(10), Tolerance);
    }

    [Fact]
    public void LearningRateAt_NoWarmup_StartsAtFullRate()
    {
        var schedule = new WarmupCosineSchedule(1e-4, totalEpochs: 4, warmupEpochs: 0);

        Assert.Equal(1e-4, schedule.LearningRateAt(1), Tolerance);
        Assert.Equal(1e-4 * 0.5 * (1 + Math.Cos(Math.PI / 4)), schedule.LearningRateAt(2), Tolerance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void LearningRateAt_OutsideSchedule_Throws(int epoch)
    {
        var schedule = new WarmupCosineSchedule(BaseRate);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.LearningRateAt(epoch));

        Assert.Contains("epochs 1..60", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WarmupNotShorterThanTraining_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new WarmupCosineSchedule(BaseRate, totalEpochs: 5, warmupEpochs: 5));

        Assert.Contains("warmupEpochs is 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Epoch1_StepUsesWarmupRate()
    {
        // Same zero-gradient step as the weight-decay test, at lr = 1e-4:
        // Δθ = −1e-4 · 4e-5 / (4e-5 + 1e-3) ≈ −3.846154e-6.
        using var scope = torch.NewDisposeScope();
        var weight = new Parameter(torch.ones(3));
        var bias = new Parameter(torch.ones(3));
        using var optimizer = UpPersonOptimizer.Create([("layer.weight", weight), ("layer.bias", bias)], new AdamSettings());
        var schedule = new WarmupCosineSchedule(BaseRate);

        var applied = schedule.Apply(optimizer, 1);
        UpPersonOptimizerTests.ZeroLoss(weight, bias).backward();
        optimizer.Step();

        Assert.Equal(1e-4, applied, Tolerance);
        Assert.Equal(1e-4, optimizer.LearningRate, Tolerance);
        Assert.Equal(1 - 1e-4 * 4e-5 / (4e-5 + 1e-3), weight.data<float>()[0], 1e-7);
    }
}
