using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

public sealed class GraphValidationTests
{
    [Fact]
    public void Build_NodeReadsUndefinedValue_ThrowsNamingValue()
    {
        var builder = new OnnxGraphBuilder("dangling");
        string x = builder.AddInput("x", OnnxElementType.Float, 2);
        builder.AddOutput(builder.Add(x, "visual.missing_bias"), OnnxElementType.Float, 2);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(OrtRunner.TestInfo));

        Assert.Contains("'visual.missing_bias'", error.Message);
        Assert.Contains("'Add'", error.Message);
    }

    [Fact]
    public void Build_ForwardReference_ThrowsNamingValue()
    {
        // The generated name "Sigmoid" is predictable, but its node comes after the reader.
        var builder = new OnnxGraphBuilder("unsorted");
        string x = builder.AddInput("x", OnnxElementType.Float, 2);
        string early = builder.Relu("Sigmoid");
        builder.Sigmoid(x);
        builder.AddOutput(early, OnnxElementType.Float, 2);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(OrtRunner.TestInfo));

        Assert.Contains("'Sigmoid'", error.Message);
    }

    [Fact]
    public void Build_OutputNeverProduced_ThrowsNamingValue()
    {
        var builder = new OnnxGraphBuilder("unproduced");
        string x = builder.AddInput("x", OnnxElementType.Float, 2);
        builder.AddOutput(builder.Relu(x), OnnxElementType.Float, 2);
        builder.AddOutput("text_embeds", OnnxElementType.Float, 2);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Save("unused.onnx", OrtRunner.TestInfo));

        Assert.Contains("'text_embeds'", error.Message);
    }

    [Fact]
    public void Build_NoOutputs_ThrowsNamingGraph()
    {
        var builder = new OnnxGraphBuilder("no_outputs");
        builder.Relu(builder.AddInput("x", OnnxElementType.Float, 2));

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(OrtRunner.TestInfo));

        Assert.Contains("'no_outputs'", error.Message);
    }

    [Fact]
    public void AddInitializer_DuplicateName_ThrowsNamingValue()
    {
        var builder = new OnnxGraphBuilder("duplicate");
        using (builder.Scope("visual"))
        {
            builder.AddInitializer("proj", [1f, 2f], 2);

            var error = Assert.Throws<ArgumentException>(() => builder.AddInitializer("proj", [3f, 4f], 2));

            Assert.Contains("'visual.proj'", error.Message);
        }
    }

    [Fact]
    public void AddInput_NameOfInitializer_ThrowsNamingValue()
    {
        var builder = new OnnxGraphBuilder("duplicate_input");
        builder.AddInitializer("x", [1f]);

        var error = Assert.Throws<ArgumentException>(() => builder.AddInput("x", OnnxElementType.Float, 1));

        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void AddNode_OutputNameTaken_LeavesBuilderUnchanged()
    {
        var builder = new OnnxGraphBuilder("taken_output");
        string x = builder.AddInput("x", OnnxElementType.Float, 2);

        var error = Assert.Throws<ArgumentException>(() => builder.AddNode("Split", [x], ["fresh", "x"], OnnxAttribute.Int("axis", 0)));

        Assert.Contains("'x'", error.Message);

        // "fresh" was not registered by the failed call, so it is still free.
        builder.AddOutput(builder.Identity(x, "fresh"), OnnxElementType.Float, 2);
        Assert.Equal("fresh", builder.Build(OrtRunner.TestInfo).Graph.Outputs[0].Name);
    }

    [Fact]
    public void AddOutput_SameValueTwice_ThrowsNamingValue()
    {
        var builder = new OnnxGraphBuilder("duplicate_output");
        string y = builder.Relu(builder.AddInput("x", OnnxElementType.Float, 2));
        builder.AddOutput(y, OnnxElementType.Float, 2);

        var error = Assert.Throws<ArgumentException>(() => builder.AddOutput(y, OnnxElementType.Float, 2));

        Assert.Contains($"'{y}'", error.Message);
    }

    [Fact]
    public void AddInitializer_WrongDims_ThrowsWithCounts()
    {
        var builder = new OnnxGraphBuilder("bad_dims");

        var error = Assert.Throws<ArgumentException>(() => builder.AddInitializer("w", new float[5], 2, 3));

        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("has 5", error.Message);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(22)]
    public void Constructor_UnsupportedOpset_ThrowsNamingRange(int opsetVersion)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxGraphBuilder("g", opsetVersion));

        Assert.Contains($"Opset {opsetVersion}", error.Message);
        Assert.Contains("13 to 21", error.Message);
    }

    [Fact]
    public void Scope_ClosedBeforeInnerScope_Throws()
    {
        var builder = new OnnxGraphBuilder("scopes");
        IDisposable outer = builder.Scope("visual");
        IDisposable inner = builder.Scope("blocks.0");

        var error = Assert.Throws<InvalidOperationException>(outer.Dispose);

        Assert.Contains("'visual.blocks.0'", error.Message);
        inner.Dispose();
        outer.Dispose();
        Assert.Equal("", builder.CurrentScope);
    }

    [Fact]
    public void Save_MissingFolder_ThrowsNamingFolder()
    {
        using var folder = new TempFolder();
        string missing = folder.PathOf("not-created");
        var builder = new OnnxGraphBuilder("g");
        builder.AddOutput(builder.AddInput("x", OnnxElementType.Float, 1), OnnxElementType.Float, 1);

        var error = Assert.Throws<DirectoryNotFoundException>(() => builder.Save(Path.Combine(missing, "model.onnx"), OrtRunner.TestInfo));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Save_ModelOver2GiB_ThrowsNotSupported()
    {
        // Initializers keep a reference to their array, so nine of them over one 256 MiB array
        // describe a 2.25 GiB model while holding 256 MiB of memory.
        float[] shared = new float[64 * 1024 * 1024];
        var builder = new OnnxGraphBuilder("too_large");
        string x = builder.AddInput("x", OnnxElementType.Float, 1, shared.Length);
        string sum = x;
        for (int i = 0; i < 9; i++)
        {
            sum = builder.Add(sum, builder.AddInitializer($"weight_{i}", shared, 1, shared.Length));
        }

        builder.AddOutput(sum, OnnxElementType.Float, 1, shared.Length);
        OnnxModel model = builder.Build(OrtRunner.TestInfo);
        using var folder = new TempFolder();
        string path = folder.PathOf("too_large.onnx");

        var error = Assert.Throws<NotSupportedException>(() => model.Save(path));

        Assert.True(model.ComputeSerializedSize() > OnnxModel.MaxSerializedBytes);
        Assert.Contains(model.ComputeSerializedSize().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Contains("float16", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.FullPath));
    }
}
