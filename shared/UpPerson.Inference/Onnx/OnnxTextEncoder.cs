using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using UpPerson.Tokenization;

namespace UpPerson.Inference;

/// <summary>
/// Runs a bundle's <c>text_encoder.onnx</c> with the bundle's own CLIP tokenizer and returns
/// L2-normalised embeddings. Texts longer than the context are truncated as CLIP does; callers that
/// must reject them check <see cref="Tokenize"/> first. Thread-safe; dispose to free the session.
/// </summary>
public sealed class OnnxTextEncoder : ITextEmbedder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly ClipTokenizer _tokenizer;
    private readonly ILogger _logger;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly int _contextLength;
    private readonly int _maxBatchSize;
    private readonly int? _fixedBatchSize;
    private bool _disposed;

    public OnnxTextEncoder(
        ModelBundle bundle,
        OnnxSessionFactory sessionFactory,
        OnnxTextEncoderOptions? options = null,
        ILogger<OnnxTextEncoder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(sessionFactory);
        options ??= new OnnxTextEncoderOptions();
        if (options.MaxBatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBatchSize, "OnnxTextEncoderOptions.MaxBatchSize must be positive.");
        }

        var spec = bundle.Manifest.Text;
        ModelId = bundle.ModelId;
        EmbeddingSize = bundle.EmbeddingSize;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _inputName = spec.InputName;
        _outputName = spec.OutputName;
        _contextLength = spec.ContextLength;
        _tokenizer = ClipTokenizer.Load(bundle.TokenizerPath);

        _session = sessionFactory.CreateSession(bundle.TextEncoderPath);
        try
        {
            _fixedBatchSize = EncoderGraphCheck.VerifyText(_session, bundle);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        _maxBatchSize = _fixedBatchSize ?? options.MaxBatchSize;
        ExecutionProvider = sessionFactory.ExecutionProvider;
        _logger.TextEncoderReady(ModelId, ExecutionProvider, _inputName, _contextLength, _outputName, EmbeddingSize, _maxBatchSize);
    }

    public string ModelId { get; }

    public int EmbeddingSize { get; }

    /// <summary>Tokens the encoder reads, special tokens included.</summary>
    public int ContextLength => _contextLength;

    public OnnxExecutionProvider ExecutionProvider { get; }

    /// <summary>Tokenises as the encoder will, so callers can see the token count and truncation.</summary>
    public TokenizedText Tokenize(string text) => _tokenizer.EncodeForModel(text, _contextLength);

    public IReadOnlyList<float[]> EmbedTexts(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (texts.Count == 0)
        {
            return [];
        }

        var stopwatch = Stopwatch.StartNew();
        var embeddings = new float[texts.Count][];
        var batchCapacity = _fixedBatchSize ?? Math.Min(_maxBatchSize, texts.Count);
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);

        for (var start = 0; start < texts.Count; start += batchCapacity)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var textCount = Math.Min(batchCapacity, texts.Count - start);
            var runCount = _fixedBatchSize ?? textCount;

            // Rows past textCount stay all-zero padding for graphs exported with a fixed batch size.
            var ids = new long[runCount * _contextLength];
            for (var i = 0; i < textCount; i++)
            {
                var text = texts[start + i] ?? throw new ArgumentException($"texts[{start + i}] is null.", nameof(texts));
                Tokenize(text).Ids.CopyTo(ids.AsSpan(i * _contextLength, _contextLength));
            }

            RunBatch(ids, runCount, start, textCount, embeddings, runOptions, cancellationToken);
        }

        _logger.TextsEmbedded(texts.Count, ModelId, stopwatch.ElapsedMilliseconds);
        return embeddings;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }

    private void RunBatch(long[] ids, int runCount, int start, int textCount, float[][] embeddings, RunOptions runOptions, CancellationToken cancellationToken)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(ids, [runCount, _contextLength]);

        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
        }
        catch (OnnxRuntimeException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Text embedding was cancelled during an ONNX Runtime run.", exception, cancellationToken);
        }

        using (outputs)
        {
            var shape = outputs[0].GetTensorTypeAndShape().Shape;
            if (shape.Length != 2 || shape[0] != runCount || shape[1] != EmbeddingSize)
            {
                throw new InvalidDataException(
                    $"Text encoder of model {ModelId} returned shape [{string.Join(", ", shape)}] for a batch of {runCount}; "
                    + $"[{runCount}, {EmbeddingSize}] was expected from model.json. Re-export the bundle with 'upperson-train export'.");
            }

            var values = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < textCount; i++)
            {
                embeddings[start + i] = EmbeddingNormalization.ToUnitLength(values.Slice(i * EmbeddingSize, EmbeddingSize), $"text {start + i}");
            }
        }
    }
}
