using UpPerson.Datasets;

namespace UpPerson.Model.Retrieval;

/// <summary>Embeds a split's images and captions for evaluation, whichever runtime runs the model.</summary>
public interface IRetrievalEmbedder
{
    /// <summary>One L2-normalised embedding per record's image, in record order.</summary>
    float[][] EmbedImages(IReadOnlyList<PersonImageRecord> records, CancellationToken cancellationToken);

    /// <summary>One L2-normalised embedding per caption, records in order and captions in order within each.</summary>
    float[][] EmbedCaptions(IReadOnlyList<string> captions, CancellationToken cancellationToken);
}
