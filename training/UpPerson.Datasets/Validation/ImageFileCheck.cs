using System.Globalization;
using System.Text;

namespace UpPerson.Datasets;

/// <summary>Checks that every image file exists, so a missing image fails the load instead of a training epoch hours later.</summary>
internal static class ImageFileCheck
{
    public const int MaxListed = 20;

    public static void Run(IReadOnlyList<ResolvedEntry> entries, string imageRoot, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var missing = new List<ResolvedEntry>();
        for (var index = 0; index < entries.Count; index++)
        {
            if (index % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!File.Exists(entries[index].ImagePath))
            {
                missing.Add(entries[index]);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture,
            $"{missing.Count:N0} of {entries.Count:N0} image files do not exist (image root '{imageRoot}'). The first {Math.Min(missing.Count, MaxListed)}:");
        foreach (var entry in missing.Take(MaxListed))
        {
            message.Append(Environment.NewLine).Append($"      {problems.RecordLabel(entry.Entry.RecordIndex)}: '{entry.ImagePath}'");
        }

        message.Append(Environment.NewLine).Append(
            "    Copy the images there, or point the image root (--images, DatasetLoadOptions.ImageRoot) at the folder that contains them.");
        problems.FileError(DatasetProblemKind.MissingImages, message.ToString(), missing[0].Entry.RecordIndex);
    }
}
