namespace UpPerson.Datasets;

/// <summary>Gives each record the person id the trainer uses.</summary>
/// <remarks>
/// The public datasets keep their ids, minus the format's offset, in every split, so an id names the
/// same person everywhere. Own footage ids are arbitrary labels and are renumbered 0, 1, 2, ... per
/// split in first-seen order.
/// </remarks>
internal static class PersonIdAssigner
{
    public static List<PersonImageRecord> Assign(IReadOnlyList<ResolvedEntry> entries, DatasetFormat format, ProblemCollector problems)
    {
        var rules = FormatRules.For(format);
        return rules.RemapIds ? RemapPerSplit(entries) : ApplyOffset(entries, format, rules.IdOffset, problems);
    }

    private static List<PersonImageRecord> ApplyOffset(IReadOnlyList<ResolvedEntry> entries, DatasetFormat format, int offset, ProblemCollector problems)
    {
        var records = new List<PersonImageRecord>(entries.Count);
        foreach (var (entry, split, imagePath) in entries)
        {
            var personId = entry.NumericPersonId!.Value - offset;
            if (personId is < 0 or > int.MaxValue)
            {
                problems.RecordError(DatasetProblemKind.InvalidField, entry.RecordIndex,
                    $"person id {entry.OriginalPersonId} is outside {offset}..{(long)int.MaxValue + offset}; {format.DisplayName()} ids start at {offset}. Correct the id.");
                continue;
            }

            records.Add(new PersonImageRecord(imagePath, (int)personId, entry.OriginalPersonId, entry.Captions, split, entry.RecordIndex));
        }

        return records;
    }

    private static List<PersonImageRecord> RemapPerSplit(IReadOnlyList<ResolvedEntry> entries)
    {
        var idsBySplit = new Dictionary<DatasetSplit, Dictionary<string, int>>();
        var records = new List<PersonImageRecord>(entries.Count);
        foreach (var (entry, split, imagePath) in entries)
        {
            if (!idsBySplit.TryGetValue(split, out var ids))
            {
                ids = new Dictionary<string, int>(StringComparer.Ordinal);
                idsBySplit[split] = ids;
            }

            if (!ids.TryGetValue(entry.OriginalPersonId, out var personId))
            {
                personId = ids.Count;
                ids[entry.OriginalPersonId] = personId;
            }

            records.Add(new PersonImageRecord(imagePath, personId, entry.OriginalPersonId, entry.Captions, split, entry.RecordIndex));
        }

        return records;
    }
}
