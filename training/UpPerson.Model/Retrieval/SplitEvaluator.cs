using UpPerson.Datasets;
using UpPerson.Evaluation;

namespace UpPerson.Model.Retrieval;

/// <summary>
/// Evaluates retrieval on one split as the published protocol does: every caption queries every
/// image of the split, no re-ranking.
/// </summary>
public static class SplitEvaluator
{
    public sealed record Result(RetrievalMetrics TextToImage, RetrievalMetrics? ImageToText);

    public static Result Evaluate(IRetrievalEmbedder embedder, IReadOnlyList<PersonImageRecord> records, bool imageToText, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            throw new ArgumentException("The split to evaluate has no records.", nameof(records));
        }

        var galleryIds = records.Select(record => (long)record.PersonId).ToArray();
        var captions = records.SelectMany(record => record.Captions).ToList();
        var captionIds = records.SelectMany(record => record.Captions.Select(_ => (long)record.PersonId)).ToArray();

        var images = embedder.EmbedImages(records, cancellationToken);
        var texts = embedder.EmbedCaptions(captions, cancellationToken);

        var textToImage = RetrievalEvaluator.EvaluateEmbeddings(texts, captionIds, images, galleryIds, RetrievalDirection.TextToImage, cancellationToken);
        var imageToTextMetrics = imageToText
            ? RetrievalEvaluator.EvaluateEmbeddings(images, galleryIds, texts, captionIds, RetrievalDirection.ImageToText, cancellationToken)
            : null;
        return new Result(textToImage, imageToTextMetrics);
    }
}
