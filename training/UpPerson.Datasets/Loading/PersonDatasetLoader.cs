using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UpPerson.Tokenization;

namespace UpPerson.Datasets;

/// <summary>
/// Loads and validates a dataset annotation file in any of the supported formats. Every problem is
/// collected before anything fails, so one run lists all of them. Odd captions and unexpected counts
/// are warnings, not errors.
/// </summary>
public static class PersonDatasetLoader
{
    /// <summary>Loads <paramref name="annotationFile"/>, detecting its format from the name unless <see cref="DatasetLoadOptions.Format"/> is set.</summary>
    /// <exception cref="FileNotFoundException">The annotation file does not exist.</exception>
    /// <exception cref="ArgumentException">The format cannot be detected from the file name, or an option is invalid.</exception>
    /// <exception cref="DatasetValidationException">The file or its images have errors; all of them are listed.</exception>
    public static PersonDataset Load(
        string annotationFile,
        DatasetLoadOptions? options = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(annotationFile);
        options ??= new DatasetLoadOptions();
        logger ??= NullLogger.Instance;
        ValidateOptions(options);

        var filePath = Path.GetFullPath(annotationFile);
        if (!File.Exists(filePath))
        {
            throw new FileNotFoundException(
                $"Dataset annotation file '{filePath}' was not found. Check the path; expected reid_raw.json, caption_all.json, ICFG-PEDES.json, data_captions.json or a *.jsonl file.",
                filePath);
        }

        var format = options.Format ?? DatasetFormats.Detect(filePath);
        var imageRoot = ResolveImageRoot(format, filePath, options);
        var started = Stopwatch.GetTimestamp();
        logger.LoadStarted(format.DisplayName(), filePath, imageRoot);

        var problems = new ProblemCollector(filePath, lineBased: format == DatasetFormat.OwnFootage);
        var entries = ReadEntries(format, filePath, options, problems, cancellationToken);

        var resolved = EntryResolver.Resolve(entries, format, imageRoot, problems);
        ImageFileCheck.Run(resolved, imageRoot, problems, cancellationToken);
        var records = PersonIdAssigner.Assign(resolved, format, problems);
        TrainIdContiguityCheck.Run(records, format, problems);
        ThrowIfErrors(problems);

        var recordsBySplit = records
            .GroupBy(record => record.Split)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<PersonImageRecord>)group.ToList());
        var statistics = DatasetStatistics.Compute(recordsBySplit);

        var tokenizer = options.Tokenizer ?? ClipTokenizer.CreateDefault();
        CaptionAudit.Run(records, tokenizer, options.ContextLength, options.ExamplesPerWarning, problems, cancellationToken);
        SplitOverlapCheck.Run(records, options.ExamplesPerWarning, problems);
        foreach (var warning in PublishedNumbersCheck.Compare(format, statistics, PublishedDatasetNumbers.For(format), filePath))
        {
            problems.Add(warning);
        }

        var dataset = new PersonDataset(format, filePath, imageRoot, recordsBySplit, statistics, problems.Warnings);
        LogLoaded(dataset, logger, Stopwatch.GetElapsedTime(started));
        return dataset;
    }

    private static List<AnnotationEntry> ReadEntries(
        DatasetFormat format,
        string filePath,
        DatasetLoadOptions options,
        ProblemCollector problems,
        CancellationToken cancellationToken)
    {
        var bytes = File.ReadAllBytes(filePath);
        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            problems.FileError(DatasetProblemKind.EmptyFile,
                $"the file is empty ({bytes.Length} bytes). Check that it was copied completely, or point the loader at the dataset's annotation file.");
            return [];
        }

        return format switch
        {
            DatasetFormat.CuhkPedes => CuhkPedesLoader.Read(utf8, options.UnsplitCuhkPedesIdCounts, problems, cancellationToken),
            DatasetFormat.IcfgPedes => IcfgPedesLoader.Read(utf8, problems, cancellationToken),
            DatasetFormat.RstpReid => RstpReidLoader.Read(utf8, problems, cancellationToken),
            DatasetFormat.OwnFootage => OwnFootageLoader.Read(utf8, problems, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown dataset format."),
        };
    }

    private static string ResolveImageRoot(DatasetFormat format, string filePath, DatasetLoadOptions options)
    {
        if (options.ImageRoot is not null)
        {
            return Path.GetFullPath(options.ImageRoot);
        }

        var folder = Path.GetDirectoryName(filePath)!;
        var imageFolder = FormatRules.For(format).ImageFolder;
        return imageFolder is null ? folder : Path.Combine(folder, imageFolder);
    }

    private static void ValidateOptions(DatasetLoadOptions options)
    {
        var problems = new List<string>();
        if (options.ContextLength < 2)
        {
            problems.Add($"ContextLength is {options.ContextLength}; it must be at least 2 to hold the start and end tokens (CLIP uses {ClipTokenizer.DefaultContextLength}).");
        }

        if (options.ExamplesPerWarning < 0)
        {
            problems.Add($"ExamplesPerWarning is {options.ExamplesPerWarning}; use 0 or more.");
        }

        var counts = options.UnsplitCuhkPedesIdCounts;
        if (counts is null || counts.Train < 0 || counts.Val < 0 || counts.Test < 0)
        {
            problems.Add($"UnsplitCuhkPedesIdCounts is {counts?.ToString() ?? "null"}; give non-negative id counts, such as SplitIdCounts.CuhkPedesPublished.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid DatasetLoadOptions: {string.Join(" ", problems)}", nameof(options));
        }
    }

    // The exception carries every error; the caller logs or prints it, so nothing is logged here.
    private static void ThrowIfErrors(ProblemCollector problems)
    {
        if (problems.HasErrors)
        {
            throw new DatasetValidationException(problems.FilePath, problems.Errors);
        }
    }

    private static void LogLoaded(PersonDataset dataset, ILogger logger, TimeSpan elapsed)
    {
        var total = dataset.Statistics.Total;
        logger.Loaded(dataset.FormatName, dataset.AnnotationFile, total.Images, total.Captions, total.Ids, dataset.Warnings.Count, (long)elapsed.TotalMilliseconds);
        logger.Statistics(dataset.AnnotationFile, dataset.Statistics.ToTable());
        foreach (var warning in dataset.Warnings)
        {
            logger.DatasetWarning(warning.Kind, warning.Message);
        }
    }
}
