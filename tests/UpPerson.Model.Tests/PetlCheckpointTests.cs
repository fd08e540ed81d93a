using TorchSharp;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Configuration;
using UpPerson.Model.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

public sealed class PetlCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveLoad_TrainedAdapters_RoundTripBitExact()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 41);
        Perturb(PetlCheckpoint.AdapterTensors(model).Values, seed: 5);
        var checkpoint = SaveWithBase(model, "run");

        var (loaded, manifest) = PetlCheckpoint.Load(checkpoint);

        using (loaded)
        {
            Assert.Equal("tiny", manifest.Preset);
            Assert.Equal(UpPersonPresets.Tiny.Petl, manifest.Petl);
            Assert.Equal(TinyModels.Clip, manifest.Clip);
            var expected = PetlCheckpoint.AdapterTensors(model);
            var actual = PetlCheckpoint.AdapterTensors(loaded);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (name, tensor) in expected)
            {
                Assert.Equal(tensor.data<float>().ToArray(), actual[name].data<float>().ToArray());
            }

            using var ids = TinyModels.TokenIds(2);
            using var noGrad = torch.no_grad();
            Assert.Equal(0.0, TinyModels.MaxAbsDifference(model.EncodeText(ids), loaded.EncodeText(ids)));
        }
    }

    [Fact]
    public void Save_AdapterFile_HoldsOnlyPetlTensors()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 42);
        var checkpoint = SaveWithBase(model, "small");

        var adapter = TorchSharp.PyBridge.Safetensors.LoadStateDict(Path.Combine(checkpoint, PetlCheckpoint.AdapterFileName));

        Assert.All(adapter.Keys, name => Assert.True(Petl.PetlParameters.IsTrainable(name), name));
        Assert.Equal(PetlCheckpoint.AdapterTensors(model).Count, adapter.Count);
        var adapterBytes = new FileInfo(Path.Combine(checkpoint, PetlCheckpoint.AdapterFileName)).Length;
        var baseBytes = new FileInfo(Path.Combine(checkpoint, PetlCheckpoint.BaseFileName)).Length;
        Assert.True(adapterBytes * 10 < baseBytes, $"adapter {adapterBytes} bytes, base {baseBytes} bytes");
    }

    [Fact]
    public void LoadAdapter_DifferentBase_RefusesWithBothHashes()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 43);
        var checkpoint = SaveWithBase(model, "first");
        var manifest = PetlCheckpoint.ReadManifest(checkpoint);
        using var otherBase = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 44);

        var error = Assert.Throws<InvalidDataException>(() => PetlCheckpoint.LoadAdapter(otherBase, checkpoint, manifest));

        Assert.Contains("belongs to base weights", error.Message);
        Assert.Contains(manifest.BaseWeights.Sha256[..12], error.Message);
        Assert.Contains(PetlCheckpoint.ComputeBaseHash(otherBase)[..12], error.Message);
    }

    [Fact]
    public void Load_BaseFileReplaced_FailsOnHash()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 45);
        var checkpoint = SaveWithBase(model, "tampered");
        using var other = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 46);
        PetlCheckpoint.SaveBase(other, Path.Combine(checkpoint, PetlCheckpoint.BaseFileName));

        var error = Assert.Throws<InvalidDataException>(() => PetlCheckpoint.Load(checkpoint));

        Assert.Contains("hash to", error.Message);
        Assert.Contains(PetlCheckpoint.BaseFileName, error.Message);
    }

    [Fact]
    public void Load_FolderWithoutManifest_NamesTheFile()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PetlCheckpoint.Load(_folder));

        Assert.Contains(CheckpointManifest.FileName, error.Message);
        Assert.Contains(_folder, error.Message);
    }

    private string SaveWithBase(UpPersonClip model, string name)
    {
        var directory = Path.Combine(_folder, name);
        Directory.CreateDirectory(directory);
        var hash = PetlCheckpoint.SaveBase(model, Path.Combine(directory, PetlCheckpoint.BaseFileName));
        PetlCheckpoint.Save(model, directory, new CheckpointManifest
        {
            FormatVersion = CheckpointManifest.CurrentFormatVersion,
            Preset = "tiny",
            Clip = model.Clip,
            Petl = model.Petl,
            LearningRate = 1e-3,
            BaseWeights = new BaseWeightsReference(PetlCheckpoint.BaseFileName, hash, "random", RandomInit: true, Seed: 1),
            AdapterFile = PetlCheckpoint.AdapterFileName,
            CreatedUtc = DateTimeOffset.UnixEpoch,
            Producer = "tests",
        });
        return directory;
    }

    private static void Perturb(IEnumerable<Tensor> tensors, int seed)
    {
        using var noGrad = torch.no_grad();
        var generator = new Generator((ulong)seed);
        foreach (var tensor in tensors)
        {
            tensor.add_(torch.randn(tensor.shape, generator: generator).Times(0.1));
        }
    }
}
