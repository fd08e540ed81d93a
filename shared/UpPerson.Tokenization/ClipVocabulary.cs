using System.IO.Compression;
using System.Text;

namespace UpPerson.Tokenization;

/// <summary>
/// The CLIP vocabulary and merge list read from <c>bpe_simple_vocab_16e6.txt.gz</c>, built the way
/// OpenAI's <c>simple_tokenizer.py</c> builds them.
/// </summary>
/// <remarks>
/// Ids: 0..255 are the byte characters of <see cref="ByteLevelAlphabet"/> in vocabulary order,
/// 256..511 the same characters with "&lt;/w&gt;" appended, 512..49405 the merged tokens of the
/// first 48894 merge lines (file line 2 onwards), then &lt;|startoftext|&gt; (49406) and
/// &lt;|endoftext|&gt; (49407). The file contains 262,144 merges, of which CLIP uses only the first 48894.
/// </remarks>
internal sealed class ClipVocabulary
{
    public const string EndOfWordSuffix = "</w>";
    public const int MergeCount = ClipTokenizer.VocabSize - 2 * 256 - 2;

    private const string Fix =
        "Use the original bpe_simple_vocab_16e6.txt.gz from OpenAI's CLIP repository (gzip-compressed UTF-8 text).";

    private ClipVocabulary(string[] tokens, string[] merges)
    {
        Tokens = tokens;
        Merges = merges;
    }

    /// <summary>Token text by id, 49408 entries.</summary>
    public string[] Tokens { get; }

    /// <summary>The merge lines "left right" in rank order.</summary>
    public string[] Merges { get; }

    /// <summary>Reads a gzip-compressed merges file; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The data is not gzip or not a CLIP merges file.</exception>
    public static ClipVocabulary Read(Stream mergesGz, string sourceName)
    {
        var merges = ReadMerges(mergesGz, sourceName);

        var tokens = new List<string>(ClipTokenizer.VocabSize);
        foreach (var value in ByteLevelAlphabet.VocabularyOrder)
        {
            tokens.Add(ByteLevelAlphabet.CharacterOfByte[value].ToString());
        }

        foreach (var value in ByteLevelAlphabet.VocabularyOrder)
        {
            tokens.Add(ByteLevelAlphabet.CharacterOfByte[value] + EndOfWordSuffix);
        }

        foreach (var merge in merges)
        {
            tokens.Add(merge.Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        tokens.Add(ClipPreTokenizer.StartOfText);
        tokens.Add(ClipPreTokenizer.EndOfText);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (!seen.Add(token))
            {
                throw new InvalidDataException(
                    $"CLIP merges file {sourceName} is invalid: the token '{Truncate(token)}' occurs twice in the vocabulary " +
                    $"built from it, so its id would be ambiguous. {Fix}");
            }
        }

        return new ClipVocabulary(tokens.ToArray(), merges);
    }

    private static string[] ReadMerges(Stream mergesGz, string sourceName)
    {
        using var gzip = new GZipStream(mergesGz, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false, throwOnInvalidBytes: true));

        // The first line is a version header; the original reads '"bpe_simple_vocab_16e6.txt#version: 0.2'.
        var header = ReadLine(reader, sourceName);
        if (header is null || !header.Contains("#version", StringComparison.Ordinal))
        {
            var found = header is null ? "the file is empty" : $"it is '{Truncate(header)}'";
            throw new InvalidDataException(
                $"CLIP merges file {sourceName} is invalid: the first line should be a '#version' header, but {found}. {Fix}");
        }

        var merges = new string[MergeCount];
        for (var index = 0; index < MergeCount; index++)
        {
            var line = ReadLine(reader, sourceName) ?? throw new InvalidDataException(
                $"CLIP merges file {sourceName} is invalid: it ends after {index} merge lines, but CLIP needs {MergeCount}. {Fix}");
            var separator = line.IndexOf(' ');
            if (separator <= 0 || separator == line.Length - 1 || line.IndexOf(' ', separator + 1) >= 0)
            {
                throw new InvalidDataException(
                    $"CLIP merges file {sourceName} is invalid: line {index + 2} should be two tokens separated by one " +
                    $"space, but it is '{Truncate(line)}'. {Fix}");
            }

            merges[index] = line;
        }

        return merges;
    }

    // Decompression and decoding fail on the first read, so each read maps those errors to one message.
    private static string? ReadLine(StreamReader reader, string sourceName)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException(
                $"CLIP merges file {sourceName} is not valid gzip data ({exception.Message}). {Fix}", exception);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidDataException(
                $"CLIP merges file {sourceName} is not UTF-8 text after decompression. {Fix}", exception);
        }
    }

    private static string Truncate(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
