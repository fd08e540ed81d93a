namespace UpPerson.Inference;

/// <summary>Embeds free-text person descriptions with a bundle's tokenizer and text encoder.</summary>
public interface ITextEmbedder
{
    /// <summary>Id of the model bundle; embeddings from different ids must never be compared.</summary>
    string ModelId { get; }

    int EmbeddingSize { get; }

    /// <summary>Returns one L2-normalised vector per text, in input order.</summary>
    IReadOnlyList<float[]> EmbedTexts(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
