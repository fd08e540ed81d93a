using System.IO.Compression;
using System.Text;

namespace UpPerson.Tokenization.Tests;

public sealed class ClipTokenizerLoadTests : IDisposable
{
    private const int ClipVocabularyMergeCount = 48894;

    private readonly string _folder = Directory.CreateTempSubdirectory("clip-tokenizer-tests-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Load_BundleCopyOfMerges_EncodesLikeDefault()
    {
        var path = Path.Combine(_folder, "bpe_simple_vocab_16e6.txt.gz");
        File.Copy(ReferenceData.MergesGzPath, path);

        var loaded = ClipTokenizer.Load(path);

        Assert.Equal(ClipTokenizer.CreateDefault().Encode("a man in a red jacket"), loaded.Encode("a man in a red jacket"));
    }

    [Fact]
    public void Load_Stream_EncodesLikeDefault()
    {
        using var stream = File.OpenRead(ReferenceData.MergesGzPath);

        var loaded = ClipTokenizer.Load(stream);

        Assert.Equal(new[] { 49406, 320, 1125, 539, 320, 2368, 49407 }, loaded.Encode("a photo of a cat"));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingPath()
    {
        var path = Path.Combine(_folder, "missing", "bpe_simple_vocab_16e6.txt.gz");

        var exception = Assert.Throws<FileNotFoundException>(() => ClipTokenizer.Load(path));

        Assert.Equal(path, exception.FileName);
        Assert.Contains(path, exception.Message);
        Assert.Contains("CreateDefault", exception.Message);
    }

    [Fact]
    public void Load_PlainTextFile_ThrowsNotGzip()
    {
        var path = Path.Combine(_folder, "merges.txt.gz");
        File.WriteAllText(path, "#version: 0.2\ni n\nt h\n");

        var exception = Assert.Throws<InvalidDataException>(() => ClipTokenizer.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("not valid gzip", exception.Message);
    }

    [Fact]
    public void Load_EmptyGzip_ThrowsMissingHeader()
    {
        var path = WriteGzip("empty.txt.gz", string.Empty);

        var exception = Assert.Throws<InvalidDataException>(() => ClipTokenizer.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("'#version' header", exception.Message);
    }

    [Fact]
    public void Load_MalformedMergeLine_ThrowsNamingLine()
    {
        var path = WriteGzip("malformed.txt.gz", "#version: 0.2\ni n\nt h\nthree part line\n");

        var exception = Assert.Throws<InvalidDataException>(() => ClipTokenizer.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("line 4", exception.Message);
        Assert.Contains("'three part line'", exception.Message);
    }

    [Fact]
    public void Load_TooFewMerges_ThrowsWithCount()
    {
        var path = WriteGzip("short.txt.gz", "#version: 0.2\ni n\nt h\n");

        var exception = Assert.Throws<InvalidDataException>(() => ClipTokenizer.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("after 2 merge lines", exception.Message);
        Assert.Contains("48894", exception.Message);
    }

    [Fact]
    public void Load_DuplicateMerge_ThrowsNamingToken()
    {
        var lines = ReadMergeLines(ClipVocabularyMergeCount + 1).ToList();
        lines[2] = lines[1];
        var path = WriteGzip("duplicate.txt.gz", string.Join('\n', lines) + "\n");

        var exception = Assert.Throws<InvalidDataException>(() => ClipTokenizer.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("occurs twice", exception.Message);
    }

    [Fact]
    public void Load_NotUtf8_ThrowsNamingEncoding()
    {
        var path = Path.Combine(_folder, "latin1.txt.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write("#version: 0.2\n"u8);
            gzip.Write([0xFF, 0xFE, (byte)' ', (byte)'n', (byte)'\n']);
        }

        var exception = Assert.Throws<InvalidDataException>(() => ClipTokenizer.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("not UTF-8", exception.Message);
    }

    [Fact]
    public void Load_NullOrEmptyPath_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ClipTokenizer.Load((string)null!));
        Assert.Throws<ArgumentException>(() => ClipTokenizer.Load(" "));
        Assert.Throws<ArgumentNullException>(() => ClipTokenizer.Load((Stream)null!));
    }

    private static IEnumerable<string> ReadMergeLines(int count)
    {
        using var gzip = new GZipStream(File.OpenRead(ReferenceData.MergesGzPath), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        for (var index = 0; index < count; index++)
        {
            yield return reader.ReadLine() ?? throw new InvalidDataException("Reference merges file is shorter than expected.");
        }
    }

    private string WriteGzip(string fileName, string content)
    {
        var path = Path.Combine(_folder, fileName);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }
}
