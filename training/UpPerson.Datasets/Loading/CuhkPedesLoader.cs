using System.Text.Json;

namespace UpPerson.Datasets;

/// <summary>
/// Reads CUHK-PEDES: <c>reid_raw.json</c> with a <c>split</c> per record, or the original
/// <c>caption_all.json</c> without one, whose splits are then assigned by sorted person id.
/// </summary>
internal static class CuhkPedesLoader
{
    private const string PathKey = "file_path";

    public static List<AnnotationEntry> Read(ReadOnlySpan<byte> utf8, SplitIdCounts unsplitIdCounts, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var records = JsonArrayRecords.Read(utf8, problems);
        if (records is null)
        {
            return [];
        }

        // A file where no record has a split is the original release; one where only some do is damaged.
        var anySplit = records.Any(entry => entry.Record.ValueKind == JsonValueKind.Object
            && entry.Record.TryGetProperty(RecordFieldReader.SplitKey, out var split)
            && split.ValueKind != JsonValueKind.Null);

        var rules = FormatRules.For(DatasetFormat.CuhkPedes);
        var entries = PedesJsonReader.Read(records, PathKey, splitRequired: anySplit, rules.AllowedSplits, problems, cancellationToken);
        return anySplit ? entries : AssignSplitsById(entries, unsplitIdCounts, problems);
    }

    private static List<AnnotationEntry> AssignSplitsById(List<AnnotationEntry> entries, SplitIdCounts counts, ProblemCollector problems)
    {
        var sortedIds = entries.Select(entry => entry.NumericPersonId!.Value).Distinct().Order().ToList();
        if (sortedIds.Count != counts.Total)
        {
            var skipped = problems.HasErrors ? " Records with the errors listed here are not counted." : string.Empty;
            problems.FileError(DatasetProblemKind.SplitAssignmentFailed,
                $"no record has a \"split\" field, so splits would be assigned by ascending person id ({counts.Train:N0} train, {counts.Val:N0} val, {counts.Test:N0} test ids), "
                + $"but the file has {sortedIds.Count:N0} distinct ids instead of {counts.Total:N0}. "
                + "Use reid_raw.json, which carries the split, or set DatasetLoadOptions.UnsplitCuhkPedesIdCounts to counts that add up to the ids in the file."
                + skipped);
            return [];
        }

        // NOTE: caption_all.json has no split field, so the ids in ascending order are assumed to follow
        // the published counts: the first 11,003 train, the next 1,000 val, the last 1,000 test. That
        // matches the published sizes but is not checked against the published membership.
        var splitOfId = new Dictionary<long, DatasetSplit>(sortedIds.Count);
        for (var position = 0; position < sortedIds.Count; position++)
        {
            splitOfId[sortedIds[position]] = position < counts.Train ? DatasetSplit.Train
                : position < counts.Train + counts.Val ? DatasetSplit.Val
                : DatasetSplit.Test;
        }

        problems.FileWarning(DatasetProblemKind.SplitsAssumed,
            $"no record has a \"split\" field (the original caption_all.json layout), so splits were assigned by ascending person id: "
            + $"the first {counts.Train:N0} ids are train, the next {counts.Val:N0} val and the last {counts.Test:N0} test. "
            + "Use reid_raw.json instead if your copy of CUHK-PEDES carries its own split.");

        return entries
            .Select(entry => entry with { SplitName = splitOfId[entry.NumericPersonId!.Value].ToName() })
            .ToList();
    }
}
