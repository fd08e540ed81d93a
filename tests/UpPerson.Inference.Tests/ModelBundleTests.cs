using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using UpPerson.Contracts;

namespace UpPerson.Inference.Tests;

public sealed class ModelBundleTests
{
    [Fact]
    public void Load_ValidBundle_ExposesManifestAndPaths()
    {
        using var folder = new TempFolder();
        FakeBundle.Write(folder.FullPath);

        var bundle = ModelBundle.Load(folder.FullPath);

        Assert.Equal(folder.FullPath, bundle.DirectoryPath);
        Assert.Equal("up-person-test-0001", bundle.ModelId);
        Assert.Equal(512, bundle.EmbeddingSize);
        Assert.False(bundle.IsRandomInit);
        Assert.Equal(folder.PathOf(FakeBundle.ImageEncoderFile), bundle.ImageEncoderPath);
        Assert.Equal(folder.PathOf(FakeBundle.TextEncoderFile), bundle.TextEncoderPath);
        Assert.Equal(folder.PathOf(FakeBundle.TokenizerFile), bundle.TokenizerPath);
        Assert.Equal(folder.PathOf(FakeBundle.PetlFile), bundle.GetFilePath(FakeBundle.PetlFile));
    }

    [Fact]
    public void Load_ValidBundle_LogsLoadedAtInformation()
    {
        using var folder = new TempFolder();
        FakeBundle.Write(folder.FullPath);
        var logger = new ListLogger<ModelBundle>();

        ModelBundle.Load(folder.FullPath, logger);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("up-person-test-0001", entry.Message);
    }

    [Fact]
    public void Load_RandomInitBundle_FlagsAndWarns()
    {
        using var folder = new TempFolder();
        FakeBundle.Write(folder.FullPath, randomInit: true);
        var logger = new ListLogger<ModelBundle>();

        var bundle = ModelBundle.Load(folder.FullPath, logger);

        Assert.True(bundle.IsRandomInit);
        var warning = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Equal(1001, warning.EventId);
        Assert.Contains("meaningless", warning.Message);
        Assert.Contains(folder.FullPath, warning.Message);
    }

    [Fact]
    public void Load_ChangedFile_ReportsHashMismatch()
    {
        using var folder = new TempFolder();
        FakeBundle.Write(folder.FullPath);
        File.WriteAllText(folder.PathOf(FakeBundle.ImageEncoderFile), "tampered");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"{FakeBundle.ImageEncoderFile}: SHA-256 is ", problem);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData("tampered"u8)), problem);
        Assert.Contains(folder.PathOf(FakeBundle.ImageEncoderFile), error.Message);
        Assert.Contains("upperson-train export", error.Message);
    }

    [Fact]
    public void Load_MissingFile_ReportsPath()
    {
        using var folder = new TempFolder();
        FakeBundle.Write(folder.FullPath);
        File.Delete(folder.PathOf(FakeBundle.TokenizerFile));

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"{FakeBundle.TokenizerFile}: listed in model.json but missing", problem);
        Assert.Contains(folder.PathOf(FakeBundle.TokenizerFile), problem);
        Assert.Contains($"Model bundle '{folder.FullPath}' is invalid (1 problem)", error.Message);
    }

    [Fact]
    public void Load_MissingRequiredField_NamesField()
    {
        using var folder = new TempFolder();
        FakeBundle.Write(folder.FullPath, editManifest: root => root.Remove("embeddingSize"));

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("model.json: does not match the manifest schema", problem);
        Assert.Contains("embeddingSize", problem);
        Assert.Contains(folder.FullPath, error.Message);
    }

    [Fact]
    public void Load_FutureFormatVersion_Rejects()
    {
        using var folder = new TempFolder();

        // A future format may also rename fields; the version must be reported, not the schema.
        FakeBundle.Write(folder.FullPath, editManifest: root =>
        {
            root["formatVersion"] = 2;
            root.Remove("image");
        });

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("model.json: formatVersion is 2, but this UpPerson build reads only format 1", problem);
        Assert.Contains(folder.FullPath, error.Message);
    }

    [Fact]
    public void Load_SeveralProblems_ListsEveryOne()
    {
        using var folder = new TempFolder();
        var manifest = FakeBundle.WriteFiles(folder.FullPath);
        manifest = manifest with
        {
            EmbeddingSize = 0,
            Image = manifest.Image with { Mean = [0.5f, 0.5f], Height = -1 },
        };
        FakeBundle.WriteManifest(folder.FullPath, manifest);
        File.Delete(folder.PathOf(FakeBundle.PetlFile));
        File.WriteAllText(folder.PathOf(FakeBundle.TextEncoderFile), "tampered");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        Assert.Equal(5, error.Problems.Count);
        Assert.Contains("model.json: embeddingSize is 0; it must be positive.", error.Problems);
        Assert.Contains("model.json: image.height is -1; it must be positive.", error.Problems);
        Assert.Contains("model.json: image.mean has 2 values; expected 3 (R, G, B).", error.Problems);
        Assert.Contains(error.Problems, problem => problem.StartsWith($"{FakeBundle.PetlFile}: listed in model.json but missing", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.StartsWith($"{FakeBundle.TextEncoderFile}: SHA-256 is", StringComparison.Ordinal));
        Assert.Contains("(5 problems)", error.Message);
    }

    [Fact]
    public void Load_OnnxFileNotListed_Reports()
    {
        using var folder = new TempFolder();
        var manifest = FakeBundle.WriteFiles(folder.FullPath);
        var files = manifest.Files.Where(entry => entry.Key != FakeBundle.ImageEncoderFile).ToDictionary();
        FakeBundle.WriteManifest(folder.FullPath, manifest with { Files = files });

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(
            $"model.json: image.onnxFile names '{FakeBundle.ImageEncoderFile}', which is not listed in files, so its SHA-256 cannot be checked.",
            problem);
    }

    [Fact]
    public void Load_EntryOutsideFolder_Reports()
    {
        using var folder = new TempFolder();
        var manifest = FakeBundle.WriteFiles(folder.FullPath);
        var files = new Dictionary<string, string>(manifest.Files) { ["../outside.bin"] = new string('0', 64) };
        FakeBundle.WriteManifest(folder.FullPath, manifest with { Files = files });

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("model.json: files entry '../outside.bin' is not a relative path inside the bundle", problem);
    }

    [Fact]
    public void Load_MalformedHash_Reports()
    {
        using var folder = new TempFolder();
        var manifest = FakeBundle.WriteFiles(folder.FullPath);
        var files = new Dictionary<string, string>(manifest.Files) { [FakeBundle.PetlFile] = "abc" };
        FakeBundle.WriteManifest(folder.FullPath, manifest with { Files = files });

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        var problem = Assert.Single(error.Problems);
        Assert.Equal($"model.json: files entry '{FakeBundle.PetlFile}' has SHA-256 'abc'; expected 64 hexadecimal digits.", problem);
    }

    [Fact]
    public void Load_FolderWithoutManifest_Reports()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("model.json: missing at", problem);
        Assert.Contains(folder.PathOf("model.json"), problem);
    }

    [Fact]
    public void Load_MissingFolder_Reports()
    {
        using var folder = new TempFolder();
        var absent = folder.PathOf("no-such-bundle");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(absent));

        Assert.Equal(absent, error.DirectoryPath);
        Assert.Contains("does not exist", Assert.Single(error.Problems));
    }

    [Fact]
    public void Load_InvalidJson_Reports()
    {
        using var folder = new TempFolder();
        FakeBundle.Write(folder.FullPath);
        File.WriteAllText(folder.PathOf("model.json"), "{ \"formatVersion\": 1, ");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder.FullPath));

        Assert.StartsWith("model.json: not valid JSON", Assert.Single(error.Problems));
    }

    [Fact]
    public void GetFilePath_UnlistedName_Throws()
    {
        using var folder = new TempFolder();
        FakeBundle.Write(folder.FullPath);
        var bundle = ModelBundle.Load(folder.FullPath);

        var error = Assert.Throws<ArgumentException>(() => bundle.GetFilePath("weights.bin"));

        Assert.Contains("'weights.bin' is not listed", error.Message);
    }

    [Fact]
    public void ComputeSha256Hex_MultiChunkFile_MatchesHashData()
    {
        using var folder = new TempFolder();
        var content = new byte[(3 * 1024 * 1024) + 17];
        new Random(99).NextBytes(content);
        var path = folder.PathOf("large.bin");
        File.WriteAllBytes(path, content);

        var hash = BundleFileHash.ComputeSha256Hex(path);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), hash);
    }

    [Fact]
    public void ComputeSha256Hex_KnownInput_MatchesPublishedDigest()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("abc.txt");
        File.WriteAllText(path, "abc");

        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", BundleFileHash.ComputeSha256Hex(path));
    }
}
