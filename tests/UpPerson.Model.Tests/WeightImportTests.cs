using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Configuration;
using UpPerson.Model.Import;
using UpPerson.Model.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

public sealed class WeightImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("openai")]
    [InlineData("huggingface")]
    public void LoadInto_TinySafetensors_OutputsEqualSourceModel(string layout)
    {
        using var source = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 31);
        var path = Path.Combine(_folder, $"{layout}.safetensors");
        Safetensors.SaveStateDict(path, layout == "openai" ? CheckpointLayouts.ToOpenAi(source) : CheckpointLayouts.ToHuggingFace(source));
        using var imported = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 77);
        TinyModels.CopyPetl(source, imported);

        var found = ClipWeightImporter.LoadInto(imported, ClipCheckpointReader.Read(path), path);

        Assert.Equal(layout == "openai" ? ClipCheckpointLayout.OpenAi : ClipCheckpointLayout.HuggingFace, found);
        Assert.Equal(PetlCheckpoint.ComputeBaseHash(source), PetlCheckpoint.ComputeBaseHash(imported));
        using var pixels = TinyModels.Pixels(2);
        using var ids = TinyModels.TokenIds(2);
        using var noGrad = torch.no_grad();
        Assert.Equal(0.0, TinyModels.MaxAbsDifference(source.EncodeImage(pixels), imported.EncodeImage(pixels)));
        Assert.Equal(0.0, TinyModels.MaxAbsDifference(source.EncodeText(ids), imported.EncodeText(ids)));
    }

    [Fact]
    public void LoadInto_PickledStateDictWithModulePrefix_LoadsSameTensors()
    {
        using var source = TinyModels.Create(PetlConfig.Disabled, seed: 32);
        var table = new Hashtable();
        foreach (var (name, tensor) in CheckpointLayouts.ToOpenAi(source))
        {
            table[$"module.{name}"] = tensor;
        }

        var path = Path.Combine(_folder, "openai.pt");
        PyTorchPickler.PickleStateDict(path, table);
        using var imported = TinyModels.Create(PetlConfig.Disabled, seed: 78);

        ClipWeightImporter.LoadInto(imported, ClipCheckpointReader.Read(path), path);

        Assert.Equal(PetlCheckpoint.ComputeBaseHash(source), PetlCheckpoint.ComputeBaseHash(imported));
    }

    [Fact]
    public void Read_StateDictWrappedUnderStateDictKey_Unwraps()
    {
        using var source = TinyModels.Create(PetlConfig.Disabled, seed: 35);
        var inner = new Hashtable();
        foreach (var (name, tensor) in CheckpointLayouts.ToHuggingFace(source))
        {
            inner[name] = tensor;
        }

        var path = Path.Combine(_folder, "wrapped.pth");
        PyTorchPickler.PickleStateDict(path, new Hashtable { ["state_dict"] = inner, ["epoch"] = 3L });
        using var imported = TinyModels.Create(PetlConfig.Disabled, seed: 81);

        var layout = ClipWeightImporter.LoadInto(imported, ClipCheckpointReader.Read(path), path);

        Assert.Equal(ClipCheckpointLayout.HuggingFace, layout);
        Assert.Equal(PetlCheckpoint.ComputeBaseHash(source), PetlCheckpoint.ComputeBaseHash(imported));
    }

    [Fact]
    public void LoadInto_SquarePretrainedGrid_ResizesPositions()
    {
        using var source = TinyModels.Create(PetlConfig.Disabled, seed: 33);
        var checkpoint = CheckpointLayouts.ToOpenAi(source);
        var width = TinyModels.Clip.Vision.Width;
        using var squareGrid = torch.randn(1 + 2 * 2, width);
        checkpoint["visual.positional_embedding"] = squareGrid;
        using var imported = TinyModels.Create(PetlConfig.Disabled, seed: 79);

        ClipWeightImporter.LoadInto(imported, checkpoint, "square-grid checkpoint");

        using var expected = PositionEmbeddingResampler.Resample(squareGrid, 2, 2, TinyModels.Clip.Vision.GridHeight, TinyModels.Clip.Vision.GridWidth);
        Assert.Equal(0.0, TinyModels.MaxAbsDifference(expected, imported.Visual.PositionalEmbedding));
        Assert.Equal(new long[] { 9, width }, imported.Visual.PositionalEmbedding.shape);
    }

    [Fact]
    public void Resample_TwoByTwoToFourByTwo_MatchesHandValues()
    {
        // One channel; class position 42, grid rows (0, 1) and (2, 3). With half-pixel centres,
        // target rows sample source rows at 0 (clamped), 0.25, 0.75 and 1 (clamped).
        using var table = torch.tensor(new float[] { 42, 0, 1, 2, 3 }, [5, 1]);

        using var resized = PositionEmbeddingResampler.Resample(table, 2, 2, 4, 2);

        var values = resized.data<float>().ToArray();
        var expected = new float[] { 42, 0, 1, 0.5f, 1.5f, 1.5f, 2.5f, 2, 3 };
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], values[i], 1e-6);
        }
    }

    [Fact]
    public void LoadInto_MissingUnknownAndMisshapedKeys_ListsEachInError()
    {
        using var source = TinyModels.Create(PetlConfig.Disabled, seed: 34);
        var checkpoint = CheckpointLayouts.ToOpenAi(source);
        checkpoint.Remove("ln_final.weight");
        checkpoint["visual.extra_head.weight"] = torch.zeros(3);
        checkpoint["visual.proj"] = torch.zeros(5, 5);
        using var imported = TinyModels.Create(PetlConfig.Disabled, seed: 80);

        var error = Assert.Throws<InvalidDataException>(() => ClipWeightImporter.LoadInto(imported, checkpoint, "broken.safetensors"));

        Assert.Contains("Missing (1): text.ln_final.weight", error.Message);
        Assert.Contains("visual.extra_head.weight", error.Message);
        Assert.Contains("visual.proj (model [32, 16], checkpoint [5, 5])", error.Message);
        Assert.Contains("broken.safetensors", error.Message);
    }

    [Fact]
    public void LoadInto_UnknownLayout_NamesSentinels()
    {
        using var model = TinyModels.Create(PetlConfig.Disabled);
        var checkpoint = new Dictionary<string, Tensor> { ["encoder.weight"] = torch.zeros(2) };

        var error = Assert.Throws<InvalidDataException>(() => ClipWeightImporter.LoadInto(model, checkpoint, "resnet.safetensors"));

        Assert.Contains("not a CLIP checkpoint", error.Message);
        Assert.Contains("encoder.weight", error.Message);
    }

    [Fact]
    public void Read_TorchScriptArchive_ExplainsConversion()
    {
        var path = Path.Combine(_folder, "ViT-B-16.pt");
        using (var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            archive.CreateEntry("ViT-B-16/code/__torch__/model.py");
            archive.CreateEntry("ViT-B-16/constants.pkl");
        }

        var error = Assert.Throws<NotSupportedException>(() => ClipCheckpointReader.Read(path));

        Assert.Contains("TorchScript", error.Message);
        Assert.Contains("safetensors", error.Message);
    }

    [Fact]
    public void Read_MissingAndGarbageFiles_NameThePath()
    {
        var missing = Path.Combine(_folder, "absent.safetensors");
        var garbage = Path.Combine(_folder, "garbage.bin");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

        var notFound = Assert.Throws<FileNotFoundException>(() => ClipCheckpointReader.Read(missing));
        var invalid = Assert.Throws<InvalidDataException>(() => ClipCheckpointReader.Read(garbage));

        Assert.Contains(missing, notFound.Message);
        Assert.Contains(garbage, invalid.Message);
    }
}
