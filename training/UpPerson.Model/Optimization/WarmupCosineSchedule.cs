using static TorchSharp.torch;

namespace UpPerson.Model.Optimization;

/// <summary>
/// Per-epoch learning rate: linear warm-up from <see cref="WarmupStartFactor"/>·lr, then a cosine
/// decay towards 0.
/// </summary>
/// <remarks>
/// <para>
/// Epoch e (1-based) trains with the value of the schedule at its start, t = e − 1 epochs in:
/// </para>
/// <list type="bullet">
/// <item>t &lt; W: lr · (f + (1 − f) · t / W), warm-up epochs 1..W;</item>
/// <item>t ≥ W: lr · ½ (1 + cos(π (t − W) / (T − W))), cosine epochs W + 1..T;</item>
/// </list>
/// <para>
/// with T total epochs, W warm-up epochs and start factor f. With the recipe (T = 60, W = 5,
/// f = 0.1) the warm-up epochs get 0.1, 0.28, 0.46, 0.64 and 0.82 × lr, epoch 6 is the first at
/// the full lr, and the 55 cosine epochs end at epoch 60 with sin²(π/110) · lr ≈ 8.15e-4 · lr. The
/// cosine reaches 0 at the end of training rather than during the last epoch, so every epoch
/// trains. This is how IRRA's <c>LRSchedulerWithWarmup</c> (solver/lr_scheduler.py) behaves when
/// stepped once after each epoch, as the UP-Person training loop imports and steps it.
/// </para>
/// </remarks>
public sealed record WarmupCosineSchedule
{
    /// <param name="baseLearningRate">Peak learning rate lr.</param>
    /// <param name="totalEpochs">T, the number of training epochs.</param>
    /// <param name="warmupEpochs">W, the epochs of linear warm-up; 0 starts the cosine at once.</param>
    /// <param name="warmupStartFactor">f, the fraction of lr that epoch 1 gets.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message lists every problem.</exception>
    public WarmupCosineSchedule(double baseLearningRate, int totalEpochs = 60, int warmupEpochs = 5, double warmupStartFactor = 0.1)
    {
        var problems = new List<string>();
        if (!(baseLearningRate > 0) || !double.IsFinite(baseLearningRate))
        {
            problems.Add($"baseLearningRate is {baseLearningRate}; it must be a positive number");
        }

        if (totalEpochs < 1)
        {
            problems.Add($"totalEpochs is {totalEpochs}; it must be at least 1");
        }

        if (warmupEpochs < 0 || warmupEpochs >= totalEpochs)
        {
            problems.Add($"warmupEpochs is {warmupEpochs}; it must be in [0, totalEpochs) so that at least one cosine epoch remains");
        }

        if (!(warmupStartFactor >= 0 && warmupStartFactor <= 1))
        {
            problems.Add($"warmupStartFactor is {warmupStartFactor}; it must be in [0, 1]");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid learning-rate schedule: " + string.Join("; ", problems) + ".");
        }

        BaseLearningRate = baseLearningRate;
        TotalEpochs = totalEpochs;
        WarmupEpochs = warmupEpochs;
        WarmupStartFactor = warmupStartFactor;
    }

    public double BaseLearningRate { get; }

    public int TotalEpochs { get; }

    public int WarmupEpochs { get; }

    public double WarmupStartFactor { get; }

    /// <summary>Returns the learning rate that epoch <paramref name="epoch"/> (1-based) trains with.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is outside 1..TotalEpochs.</exception>
    public double LearningRateAt(int epoch)
    {
        if (epoch < 1 || epoch > TotalEpochs)
        {
            throw new ArgumentOutOfRangeException(
                nameof(epoch),
                epoch,
                $"Epoch {epoch} is outside this schedule, which covers epochs 1..{TotalEpochs} (1-based).");
        }

        var completed = epoch - 1;
        if (completed < WarmupEpochs)
        {
            var progress = completed / (double)WarmupEpochs;
            return BaseLearningRate * (WarmupStartFactor + (1 - WarmupStartFactor) * progress);
        }

        var cosineProgress = (completed - WarmupEpochs) / (double)(TotalEpochs - WarmupEpochs);
        return BaseLearningRate * 0.5 * (1 + Math.Cos(Math.PI * cosineProgress));
    }

    /// <summary>Sets <paramref name="optimizer"/> to the learning rate of <paramref name="epoch"/>, from its next step on, and returns that rate.</summary>
    public double Apply(CoupledAdam optimizer, int epoch)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var learningRate = LearningRateAt(epoch);
        optimizer.LearningRate = learningRate;
        return learningRate;
    }
}
