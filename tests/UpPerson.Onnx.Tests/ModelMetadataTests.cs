using Microsoft.ML.OnnxRuntime;
using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

public sealed class ModelMetadataTests
{
    private static readonly OnnxModelInfo Info = new()
    {
        ProducerName = "UpPerson.Training",
        ProducerVersion = "1.2.3",
        Domain = "org.upperson",
        ModelVersion = 7,
        DocString = "CLIP image encoder for tests",
        Metadata = new Dictionary<string, string>
        {
            ["model_id"] = "up-person-vit-b16-test",
            ["embedding_dim"] = "512",
        },
    };

    [Fact]
    public void Save_ModelInfo_ReadableThroughModelMetadata()
    {
        using var folder = new TempFolder();
        string path = SaveTinyModel(folder);

        using var session = new InferenceSession(path);
        ModelMetadata metadata = session.ModelMetadata;

        Assert.Equal("UpPerson.Training", metadata.ProducerName);
        Assert.Equal("org.upperson", metadata.Domain);
        Assert.Equal(7, metadata.Version);
        Assert.Equal("CLIP image encoder for tests", metadata.Description);
        Assert.Equal("tiny_encoder", metadata.GraphName);
        Assert.Equal(2, metadata.CustomMetadataMap.Count);
        Assert.Equal("up-person-vit-b16-test", metadata.CustomMetadataMap["model_id"]);
        Assert.Equal("512", metadata.CustomMetadataMap["embedding_dim"]);
    }

    [Fact]
    public void Save_Defaults_WritesIrVersion8ProducerVersionAndOpset17()
    {
        using var folder = new TempFolder();
        string path = SaveTinyModel(folder);

        ModelProtoFields fields = ModelProtoFields.Read(path);

        Assert.Equal(8, fields.IrVersion);
        Assert.Equal("1.2.3", fields.ProducerVersion);
        Assert.Equal(("", 17L), Assert.Single(fields.OpsetImports));
    }

    [Fact]
    public void WriteTo_TinyModel_WritesComputedSizeAndSameBytesAsSave()
    {
        using var folder = new TempFolder();
        string path = SaveTinyModel(folder);
        OnnxModel model = TinyModel().Build(Info);

        using var memory = new MemoryStream();
        long written = model.WriteTo(memory);

        Assert.Equal(model.ComputeSerializedSize(), written);
        Assert.Equal(File.ReadAllBytes(path), memory.ToArray());
    }

    private static string SaveTinyModel(TempFolder folder)
    {
        string path = folder.PathOf("tiny.onnx");
        TinyModel().Save(path, Info);
        return path;
    }

    private static OnnxGraphBuilder TinyModel()
    {
        var builder = new OnnxGraphBuilder("tiny_encoder");
        string x = builder.AddInput("x", OnnxElementType.Float, "batch", 2);
        builder.AddOutput(builder.Relu(x), OnnxElementType.Float, "batch", 2);
        return builder;
    }
}
