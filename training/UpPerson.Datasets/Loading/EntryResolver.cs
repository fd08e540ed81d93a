namespace UpPerson.Datasets;

/// <summary>Parses each entry's split and resolves its image path against the image root.</summary>
internal static class EntryResolver
{
    public static List<ResolvedEntry> Resolve(
        IReadOnlyList<AnnotationEntry> entries,
        DatasetFormat format,
        string imageRoot,
        ProblemCollector problems)
    {
        var rules = FormatRules.For(format);
        var allowed = string.Join(", ", rules.AllowedSplits.Select(split => $"\"{split.ToName()}\""));
        var resolved = new List<ResolvedEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (!DatasetSplitNames.TryParse(entry.SplitName, out var split) || !rules.AllowedSplits.Contains(split))
            {
                var hint = format == DatasetFormat.IcfgPedes && split == DatasetSplit.Val
                    ? " ICFG-PEDES has no val split; hold out train identities yourself if you need one."
                    : string.Empty;
                problems.RecordError(DatasetProblemKind.UnknownSplit, entry.RecordIndex,
                    $"split \"{entry.SplitName}\" is not one of {allowed}, the splits {format.DisplayName()} uses. Correct the value.{hint}");
                continue;
            }

            // Path.Combine keeps an absolute image path as it is.
            var imagePath = Path.GetFullPath(Path.Combine(imageRoot, entry.ImagePath));
            resolved.Add(new ResolvedEntry(entry, split, imagePath));
        }

        return resolved;
    }
}
