namespace UpPerson.Datasets;

/// <summary>A validated dataset: its records by split, statistics and the warnings found while loading.</summary>
public sealed class PersonDataset
{
    private static readonly IReadOnlyList<PersonImageRecord> NoRecords = [];

    public PersonDataset(
        DatasetFormat format,
        string annotationFile,
        string imageRoot,
        IReadOnlyDictionary<DatasetSplit, IReadOnlyList<PersonImageRecord>> recordsBySplit,
        DatasetStatistics statistics,
        IReadOnlyList<DatasetProblem> warnings)
    {
        ArgumentNullException.ThrowIfNull(annotationFile);
        ArgumentNullException.ThrowIfNull(imageRoot);
        ArgumentNullException.ThrowIfNull(recordsBySplit);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(warnings);

        Format = format;
        AnnotationFile = annotationFile;
        Root = Path.GetDirectoryName(annotationFile) ?? annotationFile;
        ImageRoot = imageRoot;
        RecordsBySplit = recordsBySplit;
        Statistics = statistics;
        Warnings = warnings;
    }

    public DatasetFormat Format { get; }

    /// <summary>Published dataset name, for example "CUHK-PEDES".</summary>
    public string FormatName => Format.DisplayName();

    /// <summary>Absolute path of the annotation file.</summary>
    public string AnnotationFile { get; }

    /// <summary>Folder holding the annotation file.</summary>
    public string Root { get; }

    /// <summary>Folder that relative image paths were resolved against.</summary>
    public string ImageRoot { get; }

    /// <summary>Records of each split in file order; a split without records may be absent.</summary>
    public IReadOnlyDictionary<DatasetSplit, IReadOnlyList<PersonImageRecord>> RecordsBySplit { get; }

    public DatasetStatistics Statistics { get; }

    /// <summary>Problems that did not stop loading: odd captions, assumed splits, counts unlike the published ones.</summary>
    public IReadOnlyList<DatasetProblem> Warnings { get; }

    /// <summary>Number of train identities K; train person ids are 0..K−1.</summary>
    public int TrainIdCount => Statistics.For(DatasetSplit.Train).Ids;

    /// <summary>Returns the records of one split in file order, or an empty list.</summary>
    public IReadOnlyList<PersonImageRecord> Records(DatasetSplit split) =>
        RecordsBySplit.TryGetValue(split, out var records) ? records : NoRecords;
}
