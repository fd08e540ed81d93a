using OpenCvSharp;
using TorchSharp;
using UpPerson.Inference;
using UpPerson.Model.Configuration;
using UpPerson.Model.Export;
using UpPerson.Model.Modules;
using UpPerson.Tokenization;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace UpPerson.Model.Tests;

/// <summary>A bundle written by the exporter, loaded and run by the services' inference library.</summary>
public sealed class ExportedBundleTests : IDisposable
{
    private const double EmbeddingTolerance = 1e-4;

    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-bundle-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TextEncoder_ExportedTinyBundle_MatchesTorchSharpOnTokenizedCaptions()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 71);
        OnnxParityTests.PerturbPetl(model);
        var bundle = ModelBundle.Load(Export(model, "text"));
        string[] captions = ["A woman in a red coat with a white handbag.", "man, black backpack", "x"];

        using var encoder = new OnnxTextEncoder(bundle, new OnnxSessionFactory(new OnnxSessionFactoryOptions { ForceCpu = true }));
        var actual = encoder.EmbedTexts(captions);

        var tokenizer = ClipTokenizer.CreateDefault();
        var ids = captions.SelectMany(caption => tokenizer.EncodeForModel(caption).Ids).ToArray();
        using var idTensor = torch.tensor(ids, [captions.Length, 77]);
        using var noGrad = torch.no_grad();
        using var expected = nn.functional.normalize(model.EncodeText(idTensor), dim: -1);
        AssertRowsClose(expected, actual);
        Assert.Equal(bundle.ModelId, encoder.ModelId);
    }

    [Fact]
    public void ImageEncoder_ExportedTinyBundle_MatchesTorchSharpOnPreprocessedImage()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 72);
        OnnxParityTests.PerturbPetl(model);
        var bundle = ModelBundle.Load(Export(model, "image"));
        using var image = new Mat(64, 32, MatType.CV_8UC3);
        Cv2.Randu(image, OpenCvSharp.Scalar.All(0), OpenCvSharp.Scalar.All(255));

        using var encoder = new OnnxImageEncoder(bundle, new OnnxSessionFactory(new OnnxSessionFactoryOptions { ForceCpu = true }));
        var actual = encoder.EmbedImages([image, image]);

        var preprocessor = new ClipImagePreprocessor(bundle.Manifest.Image);
        var pixels = new float[preprocessor.TensorLength];
        preprocessor.Preprocess(image, pixels);
        using var pixelTensor = torch.tensor(pixels, [1, 3, preprocessor.Height, preprocessor.Width]);
        using var noGrad = torch.no_grad();
        using var expected = nn.functional.normalize(model.EncodeImage(pixelTensor), dim: -1);
        AssertRowsClose(expected, [actual[0]]);
        Assert.Equal(actual[0], actual[1]);
    }

    [Fact]
    public void Write_SameWeightsTwice_SameModelIdAndManifestFlags()
    {
        using var model = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 73);

        var first = ModelBundle.Load(Export(model, "first"));
        var second = ModelBundle.Load(Export(model, "second"));

        Assert.Equal(first.ModelId, second.ModelId);
        Assert.True(first.IsRandomInit);
        Assert.StartsWith("upperson-tiny-", first.ModelId);
        Assert.Equal(16, first.EmbeddingSize);
        Assert.NotNull(first.Manifest.Petl);
        Assert.True(File.Exists(Path.Combine(first.DirectoryPath, ModelBundleWriter.PetlWeightsFile)));
    }

    [Fact]
    public void Load_TamperedEncoder_ReportsHashMismatch()
    {
        using var model = TinyModels.Create(PetlConfig.Disabled, seed: 74);
        var directory = Export(model, "tampered");
        var encoderPath = Path.Combine(directory, ModelBundleWriter.ImageEncoderFile);
        var bytes = File.ReadAllBytes(encoderPath);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(encoderPath, bytes);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(directory));

        Assert.Contains(ModelBundleWriter.ImageEncoderFile, error.Message);
        Assert.Contains("SHA-256", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private string Export(UpPersonClip model, string name)
    {
        var directory = Path.Combine(_folder, name);
        ModelBundleWriter.Write(model, new BundleExportRequest(directory, ExportPrecision.Fp32, "test", RandomInit: true, "tests", null, 1, "tiny"));
        return directory;
    }

    private static void AssertRowsClose(Tensor expected, IReadOnlyList<float[]> actual)
    {
        var rows = expected.shape[0];
        var width = (int)expected.shape[1];
        var values = expected.data<float>().ToArray();
        Assert.Equal(rows, actual.Count);
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < width; column++)
            {
                Assert.Equal(values[row * width + column], actual[row][column], EmbeddingTolerance);
            }
        }
    }
}
