namespace UpPerson.Datasets;

/// <summary>Names of <see cref="DatasetFormat"/> values and detection from annotation file names.</summary>
public static class DatasetFormats
{
    private static readonly (string FileName, DatasetFormat Format)[] KnownFileNames =
    [
        ("reid_raw.json", DatasetFormat.CuhkPedes),
        ("caption_all.json", DatasetFormat.CuhkPedes),
        ("ICFG-PEDES.json", DatasetFormat.IcfgPedes),
        ("ICFG_PEDES.json", DatasetFormat.IcfgPedes),
        ("data_captions.json", DatasetFormat.RstpReid),
    ];

    private static readonly (string Name, DatasetFormat Format)[] CommandLineNames =
    [
        ("cuhk-pedes", DatasetFormat.CuhkPedes),
        ("icfg-pedes", DatasetFormat.IcfgPedes),
        ("rstpreid", DatasetFormat.RstpReid),
        ("own-footage", DatasetFormat.OwnFootage),
    ];

    /// <summary>Returns the dataset's published name, for example "CUHK-PEDES".</summary>
    public static string DisplayName(this DatasetFormat format) => format switch
    {
        DatasetFormat.CuhkPedes => "CUHK-PEDES",
        DatasetFormat.IcfgPedes => "ICFG-PEDES",
        DatasetFormat.RstpReid => "RSTPReid",
        DatasetFormat.OwnFootage => "own footage (JSON lines)",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown dataset format."),
    };

    /// <summary>Returns the command-line name, for example "cuhk-pedes".</summary>
    public static string CommandLineName(this DatasetFormat format) =>
        CommandLineNames.First(entry => entry.Format == format).Name;

    /// <summary>Detects the format from the file name: the published names of the three datasets, or any <c>.jsonl</c> file.</summary>
    public static bool TryDetect(string annotationFile, out DatasetFormat format)
    {
        ArgumentNullException.ThrowIfNull(annotationFile);

        var fileName = Path.GetFileName(annotationFile);
        foreach (var (knownName, knownFormat) in KnownFileNames)
        {
            if (string.Equals(fileName, knownName, StringComparison.OrdinalIgnoreCase))
            {
                format = knownFormat;
                return true;
            }
        }

        if (fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            format = DatasetFormat.OwnFootage;
            return true;
        }

        format = default;
        return false;
    }

    /// <summary>Detects the format from the file name, or throws listing the known file names.</summary>
    /// <exception cref="ArgumentException">The name matches no known format.</exception>
    public static DatasetFormat Detect(string annotationFile)
    {
        if (TryDetect(annotationFile, out var format))
        {
            return format;
        }

        var knownNames = string.Join(", ", KnownFileNames.Select(entry => entry.FileName));
        throw new ArgumentException(
            $"Cannot tell the dataset format of '{annotationFile}' from its name. Known names are {knownNames} and any *.jsonl file (own footage). "
            + $"Rename the file or pass the format explicitly ({string.Join(", ", CommandLineNames.Select(entry => entry.Name))}).",
            nameof(annotationFile));
    }

    /// <summary>Parses a command-line name such as "cuhk-pedes", ignoring case.</summary>
    /// <exception cref="ArgumentException">The name is not one of the command-line names.</exception>
    public static DatasetFormat Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        foreach (var (knownName, format) in CommandLineNames)
        {
            if (string.Equals(name.Trim(), knownName, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        throw new ArgumentException(
            $"Unknown dataset format '{name}'. Use one of {string.Join(", ", CommandLineNames.Select(entry => entry.Name))}.",
            nameof(name));
    }
}
