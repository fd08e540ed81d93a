using System.Text.Json;

namespace UpPerson.Datasets;

/// <summary>
/// Reads the JSON list layout that CUHK-PEDES, ICFG-PEDES and RSTPReid share: per image an object with
/// an integer <c>id</c>, an image path, <c>captions</c> and <c>split</c>. Other fields, such as
/// <c>processed_tokens</c>, are ignored.
/// </summary>
internal static class PedesJsonReader
{
    private const string IdKey = "id";

    /// <summary>Returns the valid records; every invalid one adds at least one problem.</summary>
    /// <param name="splitRequired">False only for CUHK-PEDES, whose original release has no split field.</param>
    public static List<AnnotationEntry> Read(
        IReadOnlyList<(int Index, JsonElement Record)> records,
        string pathKey,
        bool splitRequired,
        IReadOnlyList<DatasetSplit> allowedSplits,
        ProblemCollector problems,
        CancellationToken cancellationToken)
    {
        var allowed = string.Join(", ", allowedSplits.Select(split => $"\"{split.ToName()}\""));
        var entries = new List<AnnotationEntry>(records.Count);
        foreach (var (index, record) in records)
        {
            if (index % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (record.ValueKind != JsonValueKind.Object)
            {
                problems.RecordError(DatasetProblemKind.MalformedJson, index,
                    $"the record is {JsonKinds.Describe(record.ValueKind)} ({JsonKinds.Quote(record)}), not an object with \"{IdKey}\", \"{pathKey}\", \"captions\" and \"split\".");
                continue;
            }

            var id = ReadId(record, index, problems);
            var path = RecordFieldReader.ReadPath(record, pathKey, index, problems);
            var captions = RecordFieldReader.ReadCaptions(record, index, problems);
            var splitRead = RecordFieldReader.TryReadSplit(record, index, splitRequired, allowed, problems, out var splitName);

            if (id is { } numericId && path is not null && captions is not null && splitRead)
            {
                entries.Add(new AnnotationEntry(index, splitName, numericId.ToString(System.Globalization.CultureInfo.InvariantCulture), numericId, path, captions));
            }
        }

        return entries;
    }

    private static long? ReadId(JsonElement record, int index, ProblemCollector problems)
    {
        if (!record.TryGetProperty(IdKey, out var id) || id.ValueKind == JsonValueKind.Null)
        {
            problems.RecordError(DatasetProblemKind.MissingField, index,
                $"the record has no \"{IdKey}\" field. Add the person id as an integer.");
            return null;
        }

        if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var value))
        {
            problems.RecordError(DatasetProblemKind.InvalidField, index,
                $"\"{IdKey}\" is {JsonKinds.Quote(id)}, not an integer. Write the person id as a JSON integer such as 12.");
            return null;
        }

        return value;
    }
}
