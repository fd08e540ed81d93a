using System.Text;
using Microsoft.ML.Tokenizers;

namespace UpPerson.Tokenization;

/// <summary>
/// OpenAI CLIP's byte-level BPE tokenizer (vocabulary 49408, context 77), giving the ids that
/// OpenAI's <c>clip.tokenize(text, truncate=True)</c> gives, padded with 0.
/// </summary>
/// <remarks>
/// Steps: <see cref="ClipTextCleaner"/>, CLIP's pre-tokenisation pattern, UTF-8 bytes mapped to
/// GPT-2's byte characters, then BPE with the "&lt;/w&gt;" end-of-word suffix, done by
/// Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>. As in the reference, a literal
/// "&lt;|startoftext|&gt;" or "&lt;|endoftext|&gt;" in the text becomes that special id.
/// Instances are immutable apart from a bounded word cache, and safe to share between threads.
/// </remarks>
public sealed class ClipTokenizer
{
    public const int StartOfTextId = 49406;
    public const int EndOfTextId = 49407;

    /// <summary>Id reused as &lt;|mask|&gt; for text masking; it keeps its pretrained embedding row.</summary>
    public const int MaskId = 49405;

    /// <summary>Padding id after the end-of-text token, as in OpenAI's clip.tokenize (it is also "!").</summary>
    public const int PadId = 0;

    public const int VocabSize = 49408;
    public const int DefaultContextLength = 77;

    private const string EmbeddedMergesResource = "UpPerson.Tokenization.bpe_simple_vocab_16e6.txt.gz";
    private const int WordCacheCapacity = 100_000;
    private const int StackBufferLength = 256;

    private static readonly Lazy<ClipTokenizer> Default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _tokens;
    private readonly BpeTokenizer _bpe;
    private readonly BpeWordCache _wordCache = new(WordCacheCapacity);

    private ClipTokenizer(ClipVocabulary vocabulary)
    {
        _tokens = vocabulary.Tokens;
        var options = new BpeOptions(vocabulary.Tokens.Select((token, id) => KeyValuePair.Create(token, id)))
        {
            Merges = vocabulary.Merges,
            EndOfWordSuffix = ClipVocabulary.EndOfWordSuffix,
            UnknownToken = ClipPreTokenizer.EndOfText,
        };
        _bpe = BpeTokenizer.Create(options);
    }

    /// <summary>File name of the merges file inside model bundles.</summary>
    public const string MergesFileName = "bpe_simple_vocab_16e6.txt.gz";

    /// <summary>Returns the shared tokenizer built from the vocabulary embedded in this assembly.</summary>
    public static ClipTokenizer CreateDefault() => Default.Value;

    /// <summary>Loads a tokenizer from a model bundle's <c>bpe_simple_vocab_16e6.txt.gz</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not gzip or not a CLIP merges file.</exception>
    public static ClipTokenizer Load(string mergesGzPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mergesGzPath);

        var fullPath = Path.GetFullPath(mergesGzPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException(
                $"CLIP merges file '{fullPath}' was not found. A model bundle carries it as bpe_simple_vocab_16e6.txt.gz: " +
                "check the bundle path, or call ClipTokenizer.CreateDefault() for the copy built into UpPerson.Tokenization.",
                fullPath);
        }

        using var stream = File.OpenRead(fullPath);
        return new ClipTokenizer(ClipVocabulary.Read(stream, $"'{fullPath}'"));
    }

    /// <summary>Loads a tokenizer from gzip-compressed merges; the stream is read to the merges' end and left open.</summary>
    /// <exception cref="InvalidDataException">The data is not gzip or not a CLIP merges file.</exception>
    public static ClipTokenizer Load(Stream mergesGz)
    {
        ArgumentNullException.ThrowIfNull(mergesGz);
        return new ClipTokenizer(ClipVocabulary.Read(mergesGz, "read from the given stream"));
    }

    /// <summary>
    /// Returns all ids of <paramref name="text"/>: <see cref="StartOfTextId"/>, the BPE ids, then
    /// <see cref="EndOfTextId"/>, without truncation or padding.
    /// </summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeToList(text);
    }

    /// <summary>
    /// Returns the fixed-length model input: the ids of <see cref="Encode"/> padded with
    /// <see cref="PadId"/>, or cut to <paramref name="contextLength"/> with
    /// <see cref="EndOfTextId"/> in the last position.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contextLength"/> is below 2.</exception>
    public TokenizedText EncodeForModel(string text, int contextLength = DefaultContextLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (contextLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength,
                $"Context length must be at least 2 to hold the start and end tokens; CLIP uses {DefaultContextLength}.");
        }

        var ids = EncodeToList(text);
        var modelIds = new long[contextLength];
        var copyCount = Math.Min(ids.Count, contextLength);
        for (var position = 0; position < copyCount; position++)
        {
            modelIds[position] = ids[position];
        }

        var truncated = ids.Count > contextLength;
        if (truncated)
        {
            modelIds[contextLength - 1] = EndOfTextId;
        }

        return new TokenizedText(modelIds, ids.Count, truncated);
    }

    /// <summary>
    /// Turns ids back into readable text for logs and tests: the end-of-word suffix becomes a
    /// space, start-of-text and mask ids are skipped, and decoding stops at the first end-of-text
    /// id because only padding follows it. The trailing space is trimmed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside 0..<see cref="VocabSize"/> - 1.</exception>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);

        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if (id is < 0 or >= VocabSize)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id,
                    $"Token id {id} is outside the CLIP vocabulary (0..{VocabSize - 1}); pass ids produced by ClipTokenizer.");
            }

            if (id == EndOfTextId)
            {
                break;
            }

            if (id is StartOfTextId or MaskId)
            {
                continue;
            }

            AppendTokenBytes(_tokens[id], bytes);
        }

        // Invalid UTF-8 (ids cut inside a character) becomes U+FFFD, as errors="replace" in the reference.
        return Encoding.UTF8.GetString(bytes.ToArray()).TrimEnd(' ');
    }

    private static void AppendTokenBytes(string token, List<byte> bytes)
    {
        var endsWord = token.EndsWith(ClipVocabulary.EndOfWordSuffix, StringComparison.Ordinal);
        var characters = endsWord ? token.AsSpan(0, token.Length - ClipVocabulary.EndOfWordSuffix.Length) : token;
        foreach (var character in characters)
        {
            ByteLevelAlphabet.TryGetByte(character, out var value);
            bytes.Add(value);
        }

        if (endsWord)
        {
            bytes.Add((byte)' ');
        }
    }

    private List<int> EncodeToList(string text)
    {
        var ids = new List<int>(DefaultContextLength) { StartOfTextId };
        var cleaned = ClipTextCleaner.Clean(text);
        foreach (var (start, length) in new ClipPreTokenizer(cleaned))
        {
            var piece = cleaned.AsSpan(start, length);
            if (piece.SequenceEqual(ClipPreTokenizer.StartOfText))
            {
                ids.Add(StartOfTextId);
            }
            else if (piece.SequenceEqual(ClipPreTokenizer.EndOfText))
            {
                ids.Add(EndOfTextId);
            }
            else
            {
                AppendWordIds(piece, ids);
            }
        }

        ids.Add(EndOfTextId);
        return ids;
    }

    private void AppendWordIds(ReadOnlySpan<char> piece, List<int> ids)
    {
        var byteCount = Encoding.UTF8.GetByteCount(piece);
        var bytes = byteCount <= StackBufferLength ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(piece, bytes);

        var word = byteCount <= StackBufferLength ? stackalloc char[byteCount] : new char[byteCount];
        for (var index = 0; index < byteCount; index++)
        {
            word[index] = ByteLevelAlphabet.CharacterOfByte[bytes[index]];
        }

        if (_wordCache.TryGet(word, out var cached))
        {
            ids.AddRange(cached);
            return;
        }

        // The word is already one pre-token in byte characters, so the library must not split
        // or normalise it again.
        var wordText = new string(word);
        var encoded = _bpe.EncodeToIds(wordText, considerPreTokenization: false, considerNormalization: false);
        var wordIds = encoded.ToArray();
        _wordCache.Add(wordText, wordIds);
        ids.AddRange(wordIds);
    }

    /// <summary>
    /// Opens the embedded merges file (gzip, as published by OpenAI), so exporters can copy it into a
    /// model bundle under <see cref="MergesFileName"/>.
    /// </summary>
    public static Stream OpenEmbeddedMerges() =>
        typeof(ClipTokenizer).Assembly.GetManifestResourceStream(EmbeddedMergesResource)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{EmbeddedMergesResource}' is missing from UpPerson.Tokenization; the assembly was " +
                "built without Resources/bpe_simple_vocab_16e6.txt.gz. Rebuild the project from a complete checkout.");

    private static ClipTokenizer LoadEmbedded()
    {
        using var stream = OpenEmbeddedMerges();
        return new ClipTokenizer(ClipVocabulary.Read(stream, $"embedded resource '{EmbeddedMergesResource}'"));
    }
}
