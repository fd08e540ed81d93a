using Microsoft.Extensions.Logging.Abstractions;
using UpPerson.Datasets.Synthetic;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Retrieval;
using UpPerson.Model.Training;
using UpPerson.Tokenization;

namespace UpPerson.Model.Tests.Training;

/// <summary>
/// UP-Person's argument in miniature, at a size CI can afford: a small CLIP trained fully on one
/// SynthPeds set plays the pretrained backbone, and PETL adapts it to a second set with other
/// persons and other backgrounds. The full-size runs are in docs/benchmarks.md.
/// </summary>
public sealed class MiniatureStoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-miniature-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Petl_SecondSyntheticSet_BeatsChanceFiveTimesAndTheBase()
    {
        var setA = Generate("a", identities: 240, seed: 11, SynthBackgroundSet.Urban, split: (0.9, 0.05, 0.05));
        var setB = Generate("b", identities: 120, seed: 23, SynthBackgroundSet.Park, split: (0.6, 0.1, 0.3));
        var trainer = new Trainer(NullLogger.Instance);

        trainer.Start(Options(setA, "base", epochs: 10) with { RandomInit = true, NoPetl = true, FullFineTune = true }, null, CancellationToken.None);
        var adapted = trainer.Start(Options(setB, "petl", epochs: 8) with { BaseCheckpoint = Path.Combine(_folder, "base") }, null, CancellationToken.None);

        var baseAlone = EvaluateBaseOn(setB);
        var petl = adapted.Selected.Test!;

        // 36 test persons with 4 images each: a random ranking puts a relevant image first with
        // probability 4/144 per caption.
        var chance = 100.0 * 4 / 144;
        Assert.Equal(144, petl.Gallery);
        Assert.True(petl.R1 >= 5 * chance, $"PETL R@1 {petl.R1:F2} is below 5x chance ({5 * chance:F2})");
        Assert.True(petl.R1 > baseAlone.R1, $"PETL R@1 {petl.R1:F2} did not improve on the base alone ({baseAlone.R1:F2})");
        var config = TrainingRunConfig.Read(Path.Combine(_folder, "petl"));
        Assert.True(config.TrainableParameters < 0.02 * config.TotalParameters, $"{config.TrainableParameters} of {config.TotalParameters} parameters trained");
    }

    private string Generate(string name, int identities, int seed, SynthBackgroundSet backgrounds, (double Train, double Val, double Test) split)
    {
        var summary = SynthPedsGenerator.Generate(
            new SynthPedsOptions
            {
                OutputDirectory = Path.Combine(_folder, $"set-{name}"),
                Identities = identities,
                Seed = seed,
                BackgroundSet = backgrounds,
                SetName = name,
                TrainFraction = split.Train,
                ValFraction = split.Val,
                TestFraction = split.Test,
            },
            null,
            CancellationToken.None);
        return summary.ReidRawPath;
    }

    private TrainingOptions Options(string data, string run, int epochs) => new()
    {
        DataFile = data,
        RunDirectory = Path.Combine(_folder, run),
        Preset = "small",
        Epochs = epochs,
        WarmupEpochs = 1,
        BatchSize = 32,
        Seed = 1,
    };

    private RetrievalScores EvaluateBaseOn(string data)
    {
        var dataset = Datasets.PersonDatasetLoader.Load(data);
        var (model, _) = PetlCheckpoint.Load(TrainingRunFolder.ResolveCheckpoint(Path.Combine(_folder, "base")));
        using (model)
        {
            model.eval();
            var embedder = new TorchRetrievalEmbedder(model, ClipTokenizer.CreateDefault(), batchSize: 64);
            return RetrievalScores.From(SplitEvaluator.Evaluate(embedder, dataset.Records(Datasets.DatasetSplit.Test), imageToText: false, CancellationToken.None).TextToImage);
        }
    }
}
