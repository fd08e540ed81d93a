namespace UpPerson.Datasets;

/// <summary>
/// Checks that train person ids are exactly 0..K−1. The optional ID loss uses them as class indices of
/// a K-way classifier, so a gap would leave a class without data and shift every later class.
/// </summary>
internal static class TrainIdContiguityCheck
{
    public static void Run(IReadOnlyList<PersonImageRecord> records, DatasetFormat format, ProblemCollector problems)
    {
        var train = records.Where(record => record.Split == DatasetSplit.Train).ToList();
        if (train.Count == 0)
        {
            return;
        }

        var ids = train.Select(record => record.PersonId).ToHashSet();
        var maxId = ids.Max();
        if (ids.Count == maxId + 1)
        {
            return;
        }

        var missing = 0;
        while (ids.Contains(missing))
        {
            missing++;
        }

        var offset = FormatRules.For(format).IdOffset;
        var idRule = offset == 0
            ? $"{format.DisplayName()} ids are used as written"
            : $"{format.DisplayName()} ids start at {offset} and are used minus {offset}";
        var firstAfterGap = train.Where(record => record.PersonId > missing).MinBy(record => record.PersonId)!;

        problems.FileError(DatasetProblemKind.NonContiguousTrainIds,
            $"train person ids must run from 0 to K−1 without gaps because the ID loss uses them as class indices ({idRule}), "
            + $"but id {missing} (written {missing + offset}) is missing: {ids.Count} distinct train ids span 0..{maxId}. "
            + $"The first id after the gap is {firstAfterGap.OriginalPersonId} at {problems.RecordLabel(firstAfterGap.RecordIndex)}. "
            + "Renumber the train ids without gaps, or add the missing person's images.",
            firstAfterGap.RecordIndex);
    }
}
