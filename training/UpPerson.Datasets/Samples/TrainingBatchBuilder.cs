using System.Runtime.ExceptionServices;
using UpPerson.Inference;
using UpPerson.Tokenization;

namespace UpPerson.Datasets;

/// <summary>
/// Loads training batches: decodes each sample's image (any mode: grayscale, CMYK, alpha, palette),
/// augments it, tokenizes the caption and masks it. Samples are processed in parallel, each with its
/// own generator seeded from the caller's, so the batch depends only on that generator's state.
/// </summary>
public sealed class TrainingBatchBuilder
{
    private readonly IReadOnlyList<PersonImageRecord> _records;
    private readonly TrainingImageTransform _imageTransform;
    private readonly ClipTokenizer _tokenizer;
    private readonly TextTokenMasker? _textMasker;
    private readonly ImageDecoder _decoder;
    private readonly int _maxDegreeOfParallelism;

    /// <param name="records">Records the samples point into, normally one split of a <see cref="PersonDataset"/>.</param>
    /// <param name="imageTransform">Training augmentation.</param>
    /// <param name="tokenizer">CLIP tokenizer.</param>
    /// <param name="textMasker">Text augmentation, or null to feed captions unmasked.</param>
    /// <param name="decoder">Image decoder; null uses default limits.</param>
    /// <param name="contextLength">Tokens per caption.</param>
    /// <param name="maxDegreeOfParallelism">Samples processed at once; -1 uses all cores.</param>
    public TrainingBatchBuilder(
        IReadOnlyList<PersonImageRecord> records,
        TrainingImageTransform imageTransform,
        ClipTokenizer tokenizer,
        TextTokenMasker? textMasker,
        ImageDecoder? decoder = null,
        int contextLength = ClipTokenizer.DefaultContextLength,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(imageTransform);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextLength, 2);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 for all cores or a positive count.");
        }

        _records = records;
        _imageTransform = imageTransform;
        _tokenizer = tokenizer;
        _textMasker = textMasker;
        _decoder = decoder ?? new ImageDecoder();
        ContextLength = contextLength;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    public int ContextLength { get; }

    /// <summary>Builds one batch from <paramref name="samples"/> in the given order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A sample points outside the records or their captions.</exception>
    /// <exception cref="ImageDecodeException">An image could not be decoded; the message names the file.</exception>
    public TrainingBatch Build(IReadOnlyList<TrainingSample> samples, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(random);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one sample.", nameof(samples));
        }

        CheckSamples(samples);

        // Seeds are drawn in sample order before the parallel loop, so scheduling cannot change the result.
        var seeds = new int[samples.Count];
        for (var index = 0; index < seeds.Length; index++)
        {
            seeds[index] = random.Next();
        }

        var imageLength = _imageTransform.TensorLength;
        var images = new float[samples.Count * imageLength];
        var tokenIds = new long[samples.Count * ContextLength];
        var personIds = new long[samples.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = _maxDegreeOfParallelism };
        try
        {
            Parallel.For(0, samples.Count, options, index =>
            {
                var sampleRandom = new Random(seeds[index]);
                var record = _records[samples[index].ImageIndex];

                using (var image = _decoder.DecodeFile(record.ImagePath))
                {
                    _imageTransform.Apply(image, images.AsSpan(index * imageLength, imageLength), sampleRandom);
                }

                var tokens = tokenIds.AsSpan(index * ContextLength, ContextLength);
                _tokenizer.EncodeForModel(record.Captions[samples[index].CaptionIndex], ContextLength).Ids.CopyTo(tokens);
                _textMasker?.MaskInPlace(tokens, sampleRandom);
                personIds[index] = record.PersonId;
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
            throw;
        }

        return new TrainingBatch([.. samples], images, tokenIds, personIds, _imageTransform.Height, _imageTransform.Width, ContextLength);
    }

    private void CheckSamples(IReadOnlyList<TrainingSample> samples)
    {
        for (var index = 0; index < samples.Count; index++)
        {
            var sample = samples[index];
            if (sample.ImageIndex < 0 || sample.ImageIndex >= _records.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(samples), sample,
                    $"Sample {index} points to image {sample.ImageIndex}, but there are {_records.Count} records. Build samples from the same records as this builder.");
            }

            var captionCount = _records[sample.ImageIndex].Captions.Count;
            if (sample.CaptionIndex < 0 || sample.CaptionIndex >= captionCount)
            {
                throw new ArgumentOutOfRangeException(nameof(samples), sample,
                    $"Sample {index} points to caption {sample.CaptionIndex} of image {sample.ImageIndex}, which has {captionCount}. Build samples from the same records as this builder.");
            }
        }
    }
}
