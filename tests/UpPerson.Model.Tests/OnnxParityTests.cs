using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;
using UpPerson.Model.Configuration;
using UpPerson.Model.Export;
using UpPerson.Model.Modules;
using UpPerson.Onnx;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace UpPerson.Model.Tests;

public sealed class OnnxParityTests : IDisposable
{
    private const double Fp32Tolerance = 1e-4;
    private const double Fp16Tolerance = 1e-2;

    private readonly string _folder = Directory.CreateTempSubdirectory("upperson-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, ExportPrecision> TinyCases => new()
    {
        { "plain", ExportPrecision.Fp32 },
        { "petl", ExportPrecision.Fp32 },
        { "petl", ExportPrecision.Fp16 },
    };

    [Theory]
    [MemberData(nameof(TinyCases))]
    public void Export_TinyModel_OnnxRuntimeMatchesTorchSharp(string variant, ExportPrecision precision)
    {
        using var model = TinyModels.Create(variant == "plain" ? PetlConfig.Disabled : UpPersonPresets.Tiny.Petl, seed: 51);
        if (variant == "petl")
        {
            PerturbPetl(model);
        }

        var (imageDifference, textDifference) = CompareTowers(model, precision, batch: 3);

        var tolerance = precision == ExportPrecision.Fp32 ? Fp32Tolerance : Fp16Tolerance;
        Assert.True(imageDifference <= tolerance, $"image max |diff| {imageDifference}");
        Assert.True(textDifference <= tolerance, $"text max |diff| {textDifference}");
        if (precision == ExportPrecision.Fp16)
        {
            // Rounding the weights must show, or the fp16 path silently wrote float32.
            Assert.True(imageDifference > 0, "fp16 image export matched float32 exactly");
            Assert.True(textDifference > 0, "fp16 text export matched float32 exactly");
        }
    }

    // Full-size checks with random weights: the real shapes (193 image tokens, 77 text tokens,
    // widths 768 and 512, 12 blocks) exercise the same graph code at the size the services run.
    [Fact]
    public void Export_FullSizePlainVitB16_OnnxRuntimeMatchesTorchSharp()
    {
        torch.manual_seed(61);
        using var model = new UpPersonClip(ClipPresets.VitB16, PetlConfig.Disabled);
        ClipInitializer.InitializeBackbone(model, seed: 61);

        var (image, text) = CompareTowers(model, ExportPrecision.Fp32, batch: 2);

        Assert.True(image <= Fp32Tolerance, $"image max |diff| {image}");
        Assert.True(text <= Fp32Tolerance, $"text max |diff| {text}");
    }

    [Fact]
    public void Export_FullSizeCuhkPedesPetl_OnnxRuntimeMatchesTorchSharp()
    {
        torch.manual_seed(62);
        using var model = new UpPersonClip(UpPersonPresets.CuhkPedes.Clip, UpPersonPresets.CuhkPedes.Petl);
        ClipInitializer.InitializeBackbone(model, seed: 62);
        PerturbPetl(model);

        var (image32, text32) = CompareTowers(model, ExportPrecision.Fp32, batch: 2);
        var (image16, text16) = CompareTowers(model, ExportPrecision.Fp16, batch: 2);

        Assert.True(image32 <= Fp32Tolerance, $"fp32 image max |diff| {image32}");
        Assert.True(text32 <= Fp32Tolerance, $"fp32 text max |diff| {text32}");
        Assert.True(image16 <= Fp16Tolerance, $"fp16 image max |diff| {image16}");
        Assert.True(text16 <= Fp16Tolerance, $"fp16 text max |diff| {text16}");
    }

    /// <summary>Exports both towers, runs them in ONNX Runtime and returns the max absolute differences.</summary>
    internal (double Image, double Text) CompareTowers(UpPersonClip model, ExportPrecision precision, int batch)
    {
        var info = new OnnxModelInfo { ProducerName = "upperson-tests" };
        var imagePath = Path.Combine(_folder, $"image-{Guid.NewGuid():N}.onnx");
        var textPath = Path.Combine(_folder, $"text-{Guid.NewGuid():N}.onnx");
        ClipOnnxExporter.BuildImageEncoder(model, precision, info).Save(imagePath);
        ClipOnnxExporter.BuildTextEncoder(model, precision, info).Save(textPath);

        using var pixels = torch.randn([batch, 3, model.Clip.Vision.ImageHeight, model.Clip.Vision.ImageWidth], generator: new Generator(17));
        using var ids = TokenRows(batch, model.Clip.Text.ContextLength);
        using var noGrad = torch.no_grad();
        model.eval();
        using var expectedImage = model.EncodeImage(pixels);
        using var expectedText = model.EncodeText(ids);

        var actualImage = Run(imagePath, ClipOnnxExporter.ImageInputName, new DenseTensor<float>(pixels.data<float>().ToArray(), pixels.shape.Select(d => (int)d).ToArray()));
        var actualText = Run(textPath, ClipOnnxExporter.TextInputName, new DenseTensor<long>(ids.data<long>().ToArray(), ids.shape.Select(d => (int)d).ToArray()));

        File.Delete(imagePath);
        File.Delete(textPath);
        return (MaxDifference(expectedImage, actualImage), MaxDifference(expectedText, actualText));
    }

    internal static void PerturbPetl(UpPersonClip model)
    {
        using var noGrad = torch.no_grad();
        var generator = new Generator(23);
        foreach (var (_, tensor) in Checkpoints.PetlCheckpoint.AdapterTensors(model))
        {
            tensor.add_(torch.randn(tensor.shape, generator: generator).Times(0.05));
        }
    }

    private static Tensor TokenRows(int batch, int context)
    {
        // Lengths from 0 words to a full row, so the end-of-text position varies up to the last column.
        var random = new Random(5);
        var ids = new long[batch * context];
        for (var row = 0; row < batch; row++)
        {
            var words = row == batch - 1 ? context - 2 : random.Next(0, 30);
            ids[row * context] = 49406;
            for (var position = 1; position <= words; position++)
            {
                ids[row * context + position] = random.Next(1, 49405);
            }

            ids[row * context + words + 1] = 49407;
        }

        return torch.tensor(ids, [batch, context]);
    }

    private static float[] Run<T>(string path, string inputName, DenseTensor<T> input)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(path, options);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
        return results[0].AsEnumerable<float>().ToArray();
    }

    private static double MaxDifference(Tensor expected, float[] actual)
    {
        var values = expected.data<float>().ToArray();
        Assert.Equal(values.Length, actual.Length);
        return values.Zip(actual).Max(pair => Math.Abs(pair.First - pair.Second));
    }
}
