using System.Runtime.ExceptionServices;
using TorchSharp;
using UpPerson.Datasets;
using UpPerson.Inference;
using UpPerson.Model.Modules;
using UpPerson.Tokenization;
using static TorchSharp.torch;

namespace UpPerson.Model.Retrieval;

/// <summary>Embeds evaluation inputs with the TorchSharp model, in eval mode and without gradients.</summary>
public sealed class TorchRetrievalEmbedder : IRetrievalEmbedder
{
    private readonly UpPersonClip _model;
    private readonly EvaluationImageTransform _transform;
    private readonly ClipTokenizer _tokenizer;
    private readonly ImageDecoder _decoder = new();
    private readonly int _batchSize;
    private readonly int _dataThreads;

    public TorchRetrievalEmbedder(UpPersonClip model, ClipTokenizer tokenizer, int batchSize, int dataThreads = -1)
    {
        _model = model;
        _tokenizer = tokenizer;
        _batchSize = batchSize;
        _dataThreads = dataThreads;
        var vision = model.Clip.Vision;
        _transform = new EvaluationImageTransform(ImageInputSpec.UpPersonDefault with { Height = vision.ImageHeight, Width = vision.ImageWidth });
    }

    public float[][] EmbedImages(IReadOnlyList<PersonImageRecord> records, CancellationToken cancellationToken)
    {
        var result = new float[records.Count][];
        var imageLength = _transform.TensorLength;
        var vision = _model.Clip.Vision;
        for (var start = 0; start < records.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_batchSize, records.Count - start);
            var pixels = new float[count * imageLength];
            RunParallel(count, index =>
            {
                using var image = _decoder.DecodeFile(records[start + index].ImagePath);
                _transform.Apply(image, pixels.AsSpan(index * imageLength, imageLength));
            }, cancellationToken);

            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var input = torch.tensor(pixels, [count, 3, vision.ImageHeight, vision.ImageWidth]);
            Store(_model.EncodeImage(input), result, start);
        }

        return result;
    }

    public float[][] EmbedCaptions(IReadOnlyList<string> captions, CancellationToken cancellationToken)
    {
        var result = new float[captions.Count][];
        var context = _model.Clip.Text.ContextLength;
        for (var start = 0; start < captions.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_batchSize, captions.Count - start);
            var ids = new long[count * context];
            for (var index = 0; index < count; index++)
            {
                _tokenizer.EncodeForModel(captions[start + index], context).Ids.CopyTo(ids.AsSpan(index * context, context));
            }

            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            Store(_model.EncodeText(torch.tensor(ids, [count, context])), result, start);
        }

        return result;
    }

    private static void Store(Tensor embeddings, float[][] result, int start)
    {
        var normalised = nn.functional.normalize(embeddings.to(ScalarType.Float32), dim: -1).cpu().contiguous();
        var width = (int)normalised.shape[1];
        var values = normalised.data<float>().ToArray();
        for (var row = 0; row < normalised.shape[0]; row++)
        {
            result[start + row] = values.AsSpan(row * width, width).ToArray();
        }
    }

    private void RunParallel(int count, Action<int> body, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _dataThreads, CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
