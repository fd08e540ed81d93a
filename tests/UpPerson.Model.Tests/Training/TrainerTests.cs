using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Training;

namespace UpPerson.Model.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Resume_AfterFirstEpoch_MatchesUninterruptedRun()
    {
        var data = TinyRetrievalDataset.Write(Path.Combine(_folder, "data"));
        var trainer = new Trainer(NullLogger.Instance);

        var uninterrupted = trainer.Start(Options(data, "full-run", epochs: 2), null, CancellationToken.None);
        Assert.Throws<OperationCanceledException>(() => trainer.Start(Options(data, "stopped-run", epochs: 2), new StopAfterEpoch(1), CancellationToken.None));
        var resumed = trainer.Resume(Path.Combine(_folder, "stopped-run"), null, CancellationToken.None);

        var expected = new TrainingRunFolder(Path.Combine(_folder, "full-run")).ReadMetrics(2);
        var actual = new TrainingRunFolder(Path.Combine(_folder, "stopped-run")).ReadMetrics(2);
        Assert.Equal(2, actual.Count);
        for (var index = 0; index < 2; index++)
        {
            Assert.Equal(expected[index].TrainLoss, actual[index].TrainLoss, 1e-9);
            Assert.Equal(expected[index].Test, actual[index].Test);
            Assert.Equal(expected[index].Val, actual[index].Val);
        }

        Assert.Equal(uninterrupted.Selected.Epoch, resumed.Selected.Epoch);
    }

    [Fact]
    public void Start_TwoEpochs_WritesCheckpointsMetricsAndCurves()
    {
        var data = TinyRetrievalDataset.Write(Path.Combine(_folder, "data"));
        var run = new TrainingRunFolder(Path.Combine(_folder, "run"));

        var summary = new Trainer(NullLogger.Instance).Start(Options(data, "run", epochs: 2), null, CancellationToken.None);

        Assert.Equal(2, run.LatestCompleteEpoch());
        Assert.Equal("val", summary.SelectedBy);
        Assert.Equal(2, File.ReadAllLines(run.MetricsPath).Length);
        foreach (var curve in new[] { "loss.png", "lr.png", "r1.png" })
        {
            Assert.True(new FileInfo(Path.Combine(run.CurvesDirectory, curve)).Length > 1000, curve);
        }

        var config = TrainingRunConfig.Read(run.Root);
        Assert.Equal("tiny", config.Preset);
        Assert.True(config.TrainableParameters > 0, "no parameter trained");
        Assert.True(config.TrainableParameters < config.TotalParameters, "the backbone trained too");

        // Each epoch folder is a complete PETL checkpoint that loads on its own.
        var (model, manifest) = PetlCheckpoint.Load(run.EpochDirectory(2));
        using (model)
        {
            Assert.Equal(config.BaseSha256, manifest.BaseWeights.Sha256);
            Assert.Equal(2, manifest.Training!["epoch"]!.GetValue<int>());
        }

        Assert.Equal(run.EpochDirectory(summary.Selected.Epoch), TrainingRunFolder.ResolveCheckpoint(run.Root));
        Assert.InRange(summary.Selected.Test!.R1, 0, 100);
    }

    [Fact]
    public void Start_ExistingRunFolder_RefusesAndPointsToResume()
    {
        var data = TinyRetrievalDataset.Write(Path.Combine(_folder, "data"));
        var trainer = new Trainer(NullLogger.Instance);
        trainer.Start(Options(data, "run", epochs: 1), null, CancellationToken.None);

        var error = Assert.Throws<InvalidOperationException>(() => trainer.Start(Options(data, "run", epochs: 1), null, CancellationToken.None));

        Assert.Contains("--resume", error.Message);
    }

    [Fact]
    public void Start_FullFineTuning_SavesBackbonePerEpoch()
    {
        var data = TinyRetrievalDataset.Write(Path.Combine(_folder, "data"));
        var options = Options(data, "full", epochs: 2) with { NoPetl = true, FullFineTune = true, LearningRate = 1e-4 };

        new Trainer(NullLogger.Instance).Start(options, null, CancellationToken.None);

        var run = new TrainingRunFolder(Path.Combine(_folder, "full"));
        var first = PetlCheckpoint.ReadManifest(run.EpochDirectory(2));
        Assert.Equal(PetlCheckpoint.BaseFileName, first.BaseWeights.File);
        Assert.NotEqual(TrainingRunConfig.Read(run.Root).BaseSha256, first.BaseWeights.Sha256);
    }

    private TrainingOptions Options(string data, string run, int epochs) => new()
    {
        DataFile = data,
        RunDirectory = Path.Combine(_folder, run),
        Preset = "tiny",
        RandomInit = true,
        Epochs = epochs,
        WarmupEpochs = Math.Min(1, epochs - 1),
        BatchSize = 8,
        Seed = 5,
        DataThreads = 2,
        EvaluationBatchSize = 16,
    };

    /// <summary>Stops the run by cancelling once the given epoch's last step was reported.</summary>
    private sealed class StopAfterEpoch(int epoch) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Epoch > epoch)
            {
                throw new OperationCanceledException($"stopped after epoch {epoch}");
            }
        }
    }
}
