using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace UpPerson.Inference;

/// <summary>
/// Runs a bundle's <c>image_encoder.onnx</c>: preprocesses each image into one pooled batch buffer,
/// runs the batch, and returns L2-normalised embeddings. Thread-safe; dispose to free the session.
/// </summary>
public sealed class OnnxImageEncoder : IImageEmbedder, IDisposable
{
    private const int ChannelCount = 3;

    private readonly InferenceSession _session;
    private readonly ClipImagePreprocessor _preprocessor;
    private readonly ILogger _logger;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly int _maxBatchSize;
    private readonly int? _fixedBatchSize;
    private bool _disposed;

    public OnnxImageEncoder(
        ModelBundle bundle,
        OnnxSessionFactory sessionFactory,
        OnnxImageEncoderOptions? options = null,
        ILogger<OnnxImageEncoder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(sessionFactory);
        options ??= new OnnxImageEncoderOptions();
        if (options.MaxBatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBatchSize, "OnnxImageEncoderOptions.MaxBatchSize must be positive.");
        }

        var spec = bundle.Manifest.Image;
        ModelId = bundle.ModelId;
        EmbeddingSize = bundle.EmbeddingSize;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _inputName = spec.InputName;
        _outputName = spec.OutputName;
        _preprocessor = new ClipImagePreprocessor(spec);

        _session = sessionFactory.CreateSession(bundle.ImageEncoderPath);
        try
        {
            _fixedBatchSize = EncoderGraphCheck.VerifyImage(_session, bundle);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        _maxBatchSize = _fixedBatchSize ?? options.MaxBatchSize;
        ExecutionProvider = sessionFactory.ExecutionProvider;
        _logger.EncoderReady(ModelId, ExecutionProvider, _inputName, spec.Height, spec.Width, _outputName, EmbeddingSize, _maxBatchSize);
    }

    public string ModelId { get; }

    public int EmbeddingSize { get; }

    /// <summary>Provider the session runs on.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; }

    public IReadOnlyList<float[]> EmbedImages(IReadOnlyList<Mat> bgrImages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bgrImages);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (bgrImages.Count == 0)
        {
            return [];
        }

        var stopwatch = Stopwatch.StartNew();
        var embeddings = new float[bgrImages.Count][];
        var imageLength = _preprocessor.TensorLength;
        var batchCapacity = _fixedBatchSize ?? Math.Min(_maxBatchSize, bgrImages.Count);
        var buffer = ArrayPool<float>.Shared.Rent(batchCapacity * imageLength);

        // Setting Terminate aborts a run in progress. The registration is disposed before the run options.
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        var batchCount = 0;
        try
        {
            for (var start = 0; start < bgrImages.Count; start += batchCapacity)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var imageCount = Math.Min(batchCapacity, bgrImages.Count - start);
                FillBatch(bgrImages, start, imageCount, buffer);

                // A graph exported with a fixed batch size gets zero-filled padding images whose outputs are dropped.
                var runCount = _fixedBatchSize ?? imageCount;
                buffer.AsSpan(imageCount * imageLength, (runCount - imageCount) * imageLength).Clear();

                RunBatch(buffer.AsMemory(0, runCount * imageLength), runCount, start, imageCount, embeddings, runOptions, cancellationToken);
                batchCount++;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        _logger.ImagesEmbedded(bgrImages.Count, batchCount, ModelId, stopwatch.ElapsedMilliseconds);
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

    private void FillBatch(IReadOnlyList<Mat> bgrImages, int start, int imageCount, float[] buffer)
    {
        var imageLength = _preprocessor.TensorLength;
        for (var i = 0; i < imageCount; i++)
        {
            var index = start + i;
            try
            {
                _preprocessor.Preprocess(bgrImages[index], buffer.AsSpan(i * imageLength, imageLength));
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"bgrImages[{index}]: {exception.Message}", nameof(bgrImages), exception);
            }
        }
    }

    private void RunBatch(
        Memory<float> batch,
        int runCount,
        int start,
        int imageCount,
        float[][] embeddings,
        RunOptions runOptions,
        CancellationToken cancellationToken)
    {
        long[] inputShape = [runCount, ChannelCount, _preprocessor.Height, _preprocessor.Width];
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, batch, inputShape);

        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
        }
        catch (OnnxRuntimeException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Image embedding was cancelled during an ONNX Runtime run.", exception, cancellationToken);
        }

        using (outputs)
        {
            var output = outputs[0];
            var shape = output.GetTensorTypeAndShape().Shape;
            if (shape.Length != 2 || shape[0] != runCount || shape[1] != EmbeddingSize)
            {
                throw new InvalidDataException(
                    $"Image encoder of model {ModelId} returned shape [{string.Join(", ", shape)}] for a batch of {runCount}; "
                    + $"model.json declares embeddingSize {EmbeddingSize}, so [{runCount}, {EmbeddingSize}] was expected. Re-export the bundle with 'upperson-train export'.");
            }

            var values = output.GetTensorDataAsSpan<float>();
            for (var i = 0; i < imageCount; i++)
            {
                var row = values.Slice(i * EmbeddingSize, EmbeddingSize);
                embeddings[start + i] = EmbeddingNormalization.ToUnitLength(row, $"image {start + i} (bgrImages[{start + i}])");
            }
        }
    }
}
