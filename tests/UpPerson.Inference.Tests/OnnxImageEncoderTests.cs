using OpenCvSharp;
using UpPerson.Contracts;

namespace UpPerson.Inference.Tests;

/// <summary>
/// Runs the encoder over a one-operator model (per-channel mean over the image), so every expected
/// embedding follows from the preprocessing formula alone.
/// </summary>
public sealed class OnnxImageEncoderTests
{
    private const int Height = 8;
    private const int Width = 4;

    // ReduceMean of 32 equal float values and the normalisation in double lose well under 1e-5.
    private const double Tolerance = 1e-5;

    private static readonly double[] ClipMean = [0.48145466, 0.4578275, 0.40821073];
    private static readonly double[] ClipStd = [0.26862954, 0.26130258, 0.27577711];

    private readonly OnnxSessionFactory _factory = new(new OnnxSessionFactoryOptions { ForceCpu = true });

    [Fact]
    public void EmbedImages_SeveralBatches_KeepsInputOrder()
    {
        using var folder = new TempFolder();
        var bundle = WriteBundle(folder, TinyOnnxModels.ChannelMeanEncoder("pixel_values", "image_embeds", Height, Width));
        using var encoder = new OnnxImageEncoder(bundle, _factory, new OnnxImageEncoderOptions { MaxBatchSize = 2 });
        Vec3b[] colours = [new(10, 200, 30), new(255, 0, 0), new(0, 0, 255), new(90, 90, 90), new(3, 140, 250)];
        var images = colours.Select((colour, i) => new Mat(20 + i, 9, MatType.CV_8UC3, new Scalar(colour.Item0, colour.Item1, colour.Item2))).ToList();

        try
        {
            var embeddings = encoder.EmbedImages(images);

            Assert.Equal(colours.Length, embeddings.Count);
            for (var i = 0; i < colours.Length; i++)
            {
                AssertEmbedding(ExpectedEmbedding(colours[i]), embeddings[i], $"image {i}");
            }
        }
        finally
        {
            images.ForEach(image => image.Dispose());
        }
    }

    [Fact]
    public void EmbedImages_FixedBatchGraph_PadsLastBatch()
    {
        using var folder = new TempFolder();
        var bundle = WriteBundle(folder, TinyOnnxModels.ChannelMeanEncoder("pixel_values", "image_embeds", Height, Width, fixedBatchSize: 2));
        using var encoder = new OnnxImageEncoder(bundle, _factory, new OnnxImageEncoderOptions { MaxBatchSize = 16 });
        Vec3b[] colours = [new(1, 2, 3), new(200, 100, 50), new(60, 250, 5)];
        var images = colours.Select(colour => new Mat(Height, Width, MatType.CV_8UC3, new Scalar(colour.Item0, colour.Item1, colour.Item2))).ToList();

        try
        {
            var embeddings = encoder.EmbedImages(images);

            Assert.Equal(3, embeddings.Count);
            for (var i = 0; i < colours.Length; i++)
            {
                AssertEmbedding(ExpectedEmbedding(colours[i]), embeddings[i], $"image {i}");
            }
        }
        finally
        {
            images.ForEach(image => image.Dispose());
        }
    }

    [Fact]
    public void EmbedImages_NoImages_ReturnsEmpty()
    {
        using var folder = new TempFolder();
        var bundle = WriteBundle(folder, TinyOnnxModels.ChannelMeanEncoder("pixel_values", "image_embeds", Height, Width));
        using var encoder = new OnnxImageEncoder(bundle, _factory);

        Assert.Empty(encoder.EmbedImages([]));
    }

    [Fact]
    public void EmbedImages_GrayImage_NamesItsIndex()
    {
        using var folder = new TempFolder();
        var bundle = WriteBundle(folder, TinyOnnxModels.ChannelMeanEncoder("pixel_values", "image_embeds", Height, Width));
        using var encoder = new OnnxImageEncoder(bundle, _factory);
        using var colour = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(1, 2, 3));
        using var gray = new Mat(Height, Width, MatType.CV_8UC1, new Scalar(1));

        var error = Assert.Throws<ArgumentException>(() => encoder.EmbedImages([colour, gray]));

        Assert.StartsWith("bgrImages[1]: Expected a non-empty 8-bit BGR image (CV_8UC3)", error.Message);
    }

    [Fact]
    public void EmbedImages_CancelledToken_Throws()
    {
        using var folder = new TempFolder();
        var bundle = WriteBundle(folder, TinyOnnxModels.ChannelMeanEncoder("pixel_values", "image_embeds", Height, Width));
        using var encoder = new OnnxImageEncoder(bundle, _factory);
        using var image = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(1, 2, 3));

        Assert.ThrowsAny<OperationCanceledException>(() => encoder.EmbedImages([image], new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Constructor_ManifestWidthDiffersFromGraph_ReportsShape()
    {
        using var folder = new TempFolder();
        var bundle = WriteBundle(folder, TinyOnnxModels.ChannelMeanEncoder("pixel_values", "image_embeds", Height, Width), embeddingSize: 4);

        var error = Assert.Throws<ModelBundleException>(() => new OnnxImageEncoder(bundle, _factory));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("image_encoder.onnx: output 'image_embeds' has shape [-1, 3], but model.json implies [batch, embeddingSize] = [?, 4].", problem);
    }

    [Fact]
    public void Constructor_UnknownInputName_ListsGraphInputs()
    {
        using var folder = new TempFolder();
        var bundle = WriteBundle(folder, TinyOnnxModels.ChannelMeanEncoder("pixels", "image_embeds", Height, Width));

        var error = Assert.Throws<ModelBundleException>(() => new OnnxImageEncoder(bundle, _factory));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("image_encoder.onnx: model.json names input 'pixel_values', but the graph's inputs are: pixels.", problem);
    }

    [Fact]
    public void Constructor_InputHeightDiffers_ReportsShape()
    {
        using var folder = new TempFolder();
        var bundle = WriteBundle(folder, TinyOnnxModels.ChannelMeanEncoder("pixel_values", "image_embeds", Height + 1, Width));

        var error = Assert.Throws<ModelBundleException>(() => new OnnxImageEncoder(bundle, _factory));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(
            "image_encoder.onnx: input 'pixel_values' has shape [-1, 3, 9, 4], but model.json implies [batch, 3, height, width] = [?, 3, 8, 4].",
            problem);
    }

    [Fact]
    public void EmbedImages_RunTimeWidthMismatch_Throws()
    {
        using var folder = new TempFolder();

        // With every dimension symbolic, ONNX Runtime cannot infer the output width before a run,
        // so only the run reveals 3 values instead of 4.
        var model = TinyOnnxModels.ChannelMeanEncoder("pixel_values", "image_embeds", [null, null, null, null], [null, null]);
        var bundle = WriteBundle(folder, model, embeddingSize: 4);
        using var encoder = new OnnxImageEncoder(bundle, _factory);
        using var image = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(1, 2, 3));

        var error = Assert.Throws<InvalidDataException>(() => encoder.EmbedImages([image]));

        Assert.Contains("returned shape [1, 3] for a batch of 1", error.Message);
        Assert.Contains("embeddingSize 4", error.Message);
    }

    private static ModelBundle WriteBundle(TempFolder folder, byte[] imageEncoder, int embeddingSize = 3)
    {
        var manifest = FakeBundle.WriteFiles(folder.FullPath, imageEncoder: imageEncoder);
        manifest = manifest with
        {
            EmbeddingSize = embeddingSize,
            Image = manifest.Image with { Height = Height, Width = Width },
        };
        FakeBundle.WriteManifest(folder.FullPath, manifest);
        return ModelBundle.Load(folder.FullPath);
    }

    private static double[] ExpectedEmbedding(Vec3b bgr)
    {
        byte[] rgb = [bgr.Item2, bgr.Item1, bgr.Item0];
        var raw = Enumerable.Range(0, 3).Select(channel => ((rgb[channel] / 255.0) - ClipMean[channel]) / ClipStd[channel]).ToArray();
        var norm = Math.Sqrt(raw.Sum(value => value * value));
        return [.. raw.Select(value => value / norm)];
    }

    private static void AssertEmbedding(double[] expected, float[] actual, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= Tolerance, $"{label}, component {i}: {actual[i]} vs {expected[i]}");
        }
    }
}
