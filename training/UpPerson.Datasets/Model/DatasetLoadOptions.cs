using UpPerson.Tokenization;

namespace UpPerson.Datasets;

/// <summary>Settings of <see cref="PersonDatasetLoader"/>; the defaults suit the published datasets.</summary>
public sealed record DatasetLoadOptions
{
    /// <summary>Format of the annotation file; null detects it from the file name.</summary>
    public DatasetFormat? Format { get; init; }

    /// <summary>
    /// Folder that relative image paths start from. Null means the <c>imgs</c> folder beside the
    /// annotation file for the three public datasets, and the annotation file's own folder for own footage.
    /// </summary>
    public string? ImageRoot { get; init; }

    /// <summary>Tokenizer used to find captions longer than <see cref="ContextLength"/>; null uses the built-in CLIP tokenizer.</summary>
    public ClipTokenizer? Tokenizer { get; init; }

    /// <summary>Text encoder context length in tokens, start and end tokens included.</summary>
    public int ContextLength { get; init; } = ClipTokenizer.DefaultContextLength;

    /// <summary>Id counts per split for CUHK-PEDES files without a split field, taken in ascending id order.</summary>
    public SplitIdCounts UnsplitCuhkPedesIdCounts { get; init; } = SplitIdCounts.CuhkPedesPublished;

    /// <summary>How many examples each caption warning quotes.</summary>
    public int ExamplesPerWarning { get; init; } = 5;
}
