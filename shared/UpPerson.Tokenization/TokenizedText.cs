namespace UpPerson.Tokenization;

/// <summary>Fixed-length token ids for the CLIP text encoder.</summary>
/// <param name="Ids">
/// Exactly the context length of ids as int64, the ONNX and TorchSharp input type. They are
/// start-of-text, BPE ids, end-of-text, then zeros. When cut, the last position is end-of-text.
/// </param>
/// <param name="TokenCount">Length of the full sequence before cutting or padding, start and end tokens included.</param>
/// <param name="Truncated">True when <paramref name="TokenCount"/> exceeded the context length.</param>
public sealed record TokenizedText(long[] Ids, int TokenCount, bool Truncated);
