using System.Globalization;

namespace UpPerson.Datasets;

/// <summary>Writes a loaded dataset's statistics table and warnings as plain text, for the command line.</summary>
public static class DatasetReport
{
    public static void Write(PersonDataset dataset, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteLine($"{dataset.FormatName} from '{dataset.AnnotationFile}' (images under '{dataset.ImageRoot}')");
        writer.WriteLine(dataset.Statistics.ToTable());
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataset.Warnings.Count} warning(s)"));
        foreach (var warning in dataset.Warnings)
        {
            writer.WriteLine($"  - {warning.Message}");
        }
    }

    /// <summary>Returns what <see cref="Write"/> writes.</summary>
    public static string Format(PersonDataset dataset)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(dataset, writer);
        return writer.ToString();
    }
}
