using System.Text.Json;

namespace UpPerson.Standalone.Tests;

/// <summary>upperson-train as a user runs it: describe, synth, train, eval, export, and the bundle in upperson.</summary>
public sealed class TrainingCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-train-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Published UP-Person parameter table for ViT-B/16 at 384 x 128 with r = 32 and P = 10.
    [Fact]
    public async Task Describe_CuhkPedesJson_PrintsPublishedCounts()
    {
        var result = await CliRunner.TrainAsync("describe", "--preset", "cuhk-pedes", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(7_419_816, document.RootElement.GetProperty("trainable").GetInt64());
        Assert.Equal(157_037_480, document.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(3_559_704, document.RootElement.GetProperty("groups").GetProperty("adapterImage").GetInt64());
    }

    [Fact]
    public async Task Describe_UnknownPreset_ListsKnownOnes()
    {
        var result = await CliRunner.TrainAsync("describe", "--preset", "cuhk", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'cuhk'", result.Stderr);
        Assert.Contains("cuhk-pedes", result.Stderr);
    }

    [Fact]
    public async Task SynthTrainEvalExport_TinyRun_BundleScoresLikeCheckpoint()
    {
        var data = Path.Combine(_folder, "synth");
        var run = Path.Combine(_folder, "run");
        var bundle = Path.Combine(_folder, "bundle");

        var synth = await CliRunner.TrainAsync("synth", "--out", data, "--identities", "16", "--images-per-id", "2", "--split", "0.5,0.25,0.25", "--seed", "4");
        Assert.True(synth.ExitCode == 0, synth.ToString());

        var train = await CliRunner.TrainAsync("train", "--data", Path.Combine(data, "reid_raw.json"), "--out", run, "--preset", "tiny", "--random-init",
            "--epochs", "2", "--warmup-epochs", "1", "--batch-size", "8", "--data-threads", "2");
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("selected epoch", train.Stdout);
        Assert.Contains("best-test epoch", train.Stdout);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Length);

        var checkpointEval = await CliRunner.TrainAsync("eval", "--data", Path.Combine(data, "reid_raw.json"), "--checkpoint", run, "--json");
        Assert.True(checkpointEval.ExitCode == 0, checkpointEval.ToString());

        var export = await CliRunner.TrainAsync("export", "--checkpoint", run, "--out", bundle);
        Assert.True(export.ExitCode == 0, export.ToString());

        var bundleEval = await CliRunner.TrainAsync("eval", "--data", Path.Combine(data, "reid_raw.json"), "--bundle", bundle, "--json");
        Assert.True(bundleEval.ExitCode == 0, bundleEval.ToString());

        // The exported graph matches TorchSharp within 1e-4, so the rankings, and the metrics, agree.
        using var fromCheckpoint = JsonDocument.Parse(checkpointEval.Stdout);
        using var fromBundle = JsonDocument.Parse(bundleEval.Stdout);
        foreach (var metric in new[] { "r1", "r5", "r10", "mAP", "mINP" })
        {
            Assert.Equal(
                fromCheckpoint.RootElement.GetProperty("textToImage").GetProperty(metric).GetDouble(),
                fromBundle.RootElement.GetProperty("textToImage").GetProperty(metric).GetDouble(),
                0.5);
        }

        Assert.Equal(16, fromBundle.RootElement.GetProperty("textToImage").GetProperty("queries").GetInt32());
    }

    [Fact]
    public async Task Train_MissingImage_FailsListingThePath()
    {
        var data = Path.Combine(_folder, "synth");
        var synth = await CliRunner.TrainAsync("synth", "--out", data, "--identities", "8", "--images-per-id", "2", "--split", "0.5,0.25,0.25");
        Assert.True(synth.ExitCode == 0, synth.ToString());
        var missing = Directory.EnumerateFiles(Path.Combine(data, "imgs"), "*.jpg", SearchOption.AllDirectories).First();
        File.Delete(missing);

        var train = await CliRunner.TrainAsync("train", "--data", Path.Combine(data, "reid_raw.json"), "--out", Path.Combine(_folder, "run"), "--preset", "tiny", "--random-init", "--epochs", "1", "--warmup-epochs", "0");

        Assert.Equal(1, train.ExitCode);
        Assert.Contains(Path.GetFileName(missing), train.Stderr);
        Assert.False(File.Exists(Path.Combine(_folder, "run", "config.json")));
    }

    [Fact]
    public async Task Train_WithoutBaseOrRandomInit_ExplainsChoice()
    {
        var result = await CliRunner.TrainAsync("train", "--data", Path.Combine(_folder, "none.json"), "--out", Path.Combine(_folder, "run"), "--preset", "tiny");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--base", result.Stderr);
        Assert.Contains("--random-init", result.Stderr);
    }

    [Fact]
    public async Task Export_PresetWithoutRandomInit_AsksToConfirm()
    {
        var result = await CliRunner.TrainAsync("export", "--preset", "tiny", "--out", Path.Combine(_folder, "bundle"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--random-init", result.Stderr);
        Assert.Contains("import-clip", result.Stderr);
    }

    [Fact]
    public async Task ExportFp16_TinyPreset_WritesSmallerEncoders()
    {
        var fp32 = Path.Combine(_folder, "fp32");
        var fp16 = Path.Combine(_folder, "fp16");

        var first = await CliRunner.TrainAsync("export", "--preset", "tiny", "--random-init", "--out", fp32);
        var second = await CliRunner.TrainAsync("export", "--preset", "tiny", "--random-init", "--fp16", "--out", fp16);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var fp32Size = new FileInfo(Path.Combine(fp32, "text_encoder.onnx")).Length;
        var fp16Size = new FileInfo(Path.Combine(fp16, "text_encoder.onnx")).Length;
        Assert.InRange(fp16Size, fp32Size * 0.45, fp32Size * 0.6);
        Assert.Contains("\"precision\": \"fp16\"", File.ReadAllText(Path.Combine(fp16, "model.json")));
    }
}
