namespace UpPerson.Storage.Embedded;

/// <summary>Settings of <see cref="EmbeddedSightingStore"/>, bound from the <c>EmbeddedStore</c> section.</summary>
public sealed class EmbeddedSightingStoreOptions
{
    public const string SectionName = "EmbeddedStore";

    /// <summary>Folder for <c>sightings.db</c> and the per-model index files, created when missing.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>
    /// Opens for searches and statistics only: no folder lock, no writes, and indexes brought up to
    /// date in memory without saving. Several read-only stores may open a folder while one writer
    /// indexes into it. Each one searches what was committed when it opened.
    /// </summary>
    public bool ReadOnly { get; set; }

    /// <summary>Number of embeddings written to a collection after which its index file is saved again.</summary>
    public int IndexSaveAfterWrites { get; set; } = 10_000;

    /// <summary>Age of a collection's oldest unsaved write after which the next write saves its index file.</summary>
    public TimeSpan IndexSaveInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Largest number of matching embeddings that a search scores exactly. Searches with more
    /// matches go through the approximate (HNSW) index with post-filtering.
    /// </summary>
    public int ExactScanMaxRows { get; set; } = 20_000;

    /// <summary>Returns every invalid setting at once, each message naming its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add($"{SectionName}:{nameof(DataDirectory)} is empty; set it to the folder for the sighting store.");
        }

        if (IndexSaveAfterWrites < 1)
        {
            errors.Add($"{SectionName}:{nameof(IndexSaveAfterWrites)} is {IndexSaveAfterWrites}; use a count of at least 1.");
        }

        if (IndexSaveInterval <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(IndexSaveInterval)} is {IndexSaveInterval}; use a positive duration such as 00:05:00.");
        }

        if (ExactScanMaxRows < 0)
        {
            errors.Add($"{SectionName}:{nameof(ExactScanMaxRows)} is {ExactScanMaxRows}; use 0 (always use the index) or a positive row count.");
        }

        return errors;
    }
}
