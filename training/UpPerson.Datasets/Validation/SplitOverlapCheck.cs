namespace UpPerson.Datasets;

/// <summary>Warns when one original person id appears in several splits, which makes test results optimistic.</summary>
internal static class SplitOverlapCheck
{
    public static void Run(IReadOnlyList<PersonImageRecord> records, int maxExamples, ProblemCollector problems)
    {
        var overlapping = records
            .GroupBy(record => record.OriginalPersonId, StringComparer.Ordinal)
            .Select(group => (Id: group.Key, Splits: group.Select(record => record.Split).Distinct().Order().ToList()))
            .Where(entry => entry.Splits.Count > 1)
            .ToList();

        if (overlapping.Count == 0)
        {
            return;
        }

        var examples = overlapping
            .Take(maxExamples)
            .Select(entry => $"'{entry.Id}' in {string.Join(" and ", entry.Splits.Select(split => split.ToName()))}");
        problems.FileWarning(DatasetProblemKind.PersonInSeveralSplits,
            $"{overlapping.Count} person id(s) appear in more than one split, for example {string.Join("; ", examples)}. "
            + "A person seen in training makes test results optimistic; keep each person in one split.");
    }
}
