using Microsoft.Extensions.Logging;

namespace UpPerson.Inference.Tests;

public sealed class OnnxSessionFactoryTests
{
    [Fact]
    public void Constructor_ForceCpu_UsesCpuWithoutProbing()
    {
        var logger = new ListLogger<OnnxSessionFactory>();

        var factory = new OnnxSessionFactory(new OnnxSessionFactoryOptions { ForceCpu = true }, logger);

        Assert.Equal(OnnxExecutionProvider.Cpu, factory.ExecutionProvider);
        Assert.Null(factory.CudaUnavailableReason);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(1101, entry.EventId);
        Assert.Contains("Cpu", entry.Message);
    }

    [Fact]
    public void Constructor_Default_UsesCudaOrLogsWhyNot()
    {
        var logger = new ListLogger<OnnxSessionFactory>();

        var factory = new OnnxSessionFactory(logger: logger);
        using var first = factory.CreateSessionOptions();
        using var second = factory.CreateSessionOptions();

        // Without the CUDA libraries, as on a CPU-only machine, the probe fails and the factory
        // falls back. With them, CUDA is used and no warning is logged.
        var warnings = logger.Entries.Where(entry => entry.EventId == 1100).ToList();
        if (factory.ExecutionProvider == OnnxExecutionProvider.Cpu)
        {
            Assert.NotNull(factory.CudaUnavailableReason);
            var warning = Assert.Single(warnings);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains(factory.CudaUnavailableReason, warning.Message);
        }
        else
        {
            Assert.Null(factory.CudaUnavailableReason);
            Assert.Empty(warnings);
        }

        Assert.Single(logger.Entries, entry => entry.EventId == 1101);
    }

    [Fact]
    public void CreateSession_TinyModel_StartsAndLogsProvider()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("tiny.onnx");
        File.WriteAllBytes(path, TinyOnnxModels.ChannelMeanEncoder("pixels", "means", 4, 2));
        var logger = new ListLogger<OnnxSessionFactory>();
        var factory = new OnnxSessionFactory(new OnnxSessionFactoryOptions { IntraOpThreadCount = 1 }, logger);

        using var session = factory.CreateSession(path);

        Assert.Equal(["pixels"], session.InputMetadata.Keys);
        var created = Assert.Single(logger.Entries, entry => entry.EventId == 1102);
        Assert.Contains(path, created.Message);
        Assert.Contains(factory.ExecutionProvider.ToString(), created.Message);
    }

    [Fact]
    public void CreateSession_MissingFile_ThrowsFileNotFound()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("absent.onnx");
        var factory = new OnnxSessionFactory(new OnnxSessionFactoryOptions { ForceCpu = true });

        var error = Assert.Throws<FileNotFoundException>(() => factory.CreateSession(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void CreateSession_GarbageFile_ThrowsInvalidData()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("garbage.onnx");
        File.WriteAllText(path, "this is not a protobuf model");
        var factory = new OnnxSessionFactory(new OnnxSessionFactoryOptions { ForceCpu = true });

        var error = Assert.Throws<InvalidDataException>(() => factory.CreateSession(path));

        Assert.Contains($"ONNX Runtime could not load '{path}' on the Cpu provider", error.Message);
        Assert.Contains("upperson-train export", error.Message);
    }

    [Fact]
    public void CreateSessionOptions_ThreadCount_Applied()
    {
        var factory = new OnnxSessionFactory(new OnnxSessionFactoryOptions { ForceCpu = true, IntraOpThreadCount = 2 });

        using var options = factory.CreateSessionOptions();

        Assert.Equal(2, options.IntraOpNumThreads);
    }

    [Fact]
    public void Constructor_NegativeThreadCount_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new OnnxSessionFactory(new OnnxSessionFactoryOptions { IntraOpThreadCount = -1 }));

        Assert.Contains("IntraOpThreadCount", error.Message);
    }
}
