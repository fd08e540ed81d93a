using System.Text;
using System.Text.Json;

namespace UpPerson.Datasets;

/// <summary>
/// Reads own footage as JSON lines: per line one object with <c>image</c> (relative to the file's
/// folder, or absolute), <c>person_id</c> (string or number), <c>captions</c> and <c>split</c>.
/// Blank lines are skipped. Every line is checked, so one run reports all bad lines.
/// </summary>
internal static class OwnFootageLoader
{
    private const string ImageKey = "image";
    private const string PersonIdKey = "person_id";

    public static List<AnnotationEntry> Read(ReadOnlySpan<byte> utf8, ProblemCollector problems, CancellationToken cancellationToken)
    {
        var allowed = string.Join(", ", DatasetSplitNames.All.Select(split => $"\"{split.ToName()}\""));
        var entries = new List<AnnotationEntry>();
        var text = Encoding.UTF8.GetString(utf8);
        var lines = text.Split('\n');
        var nonBlankLines = 0;
        for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
        {
            if (lineIndex % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = lines[lineIndex].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            nonBlankLines++;
            var entry = ReadLine(line, lineIndex, allowed, problems);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        if (nonBlankLines == 0)
        {
            problems.FileError(DatasetProblemKind.EmptyFile,
                "the file has no records, only blank lines. Write one JSON object per line: {\"image\": ..., \"person_id\": ..., \"captions\": [...], \"split\": \"train\"}.");
        }

        return entries;
    }

    private static AnnotationEntry? ReadLine(string line, int lineIndex, string allowedSplits, ProblemCollector problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            problems.RecordError(DatasetProblemKind.MalformedJson, lineIndex,
                $"malformed JSON at byte {exception.BytePositionInLine + 1}: {exception.Message} Each line must hold one complete JSON object.");
            return null;
        }

        using (document)
        {
            var record = document.RootElement;
            if (record.ValueKind != JsonValueKind.Object)
            {
                problems.RecordError(DatasetProblemKind.MalformedJson, lineIndex,
                    $"the line is {JsonKinds.Describe(record.ValueKind)}, not an object with \"{ImageKey}\", \"{PersonIdKey}\", \"captions\" and \"split\".");
                return null;
            }

            var image = RecordFieldReader.ReadPath(record, ImageKey, lineIndex, problems);
            var personId = ReadPersonId(record, lineIndex, problems);
            var captions = RecordFieldReader.ReadCaptions(record, lineIndex, problems);
            var splitRead = RecordFieldReader.TryReadSplit(record, lineIndex, required: true, allowedSplits, problems, out var splitName);

            return image is not null && personId is not null && captions is not null && splitRead
                ? new AnnotationEntry(lineIndex, splitName, personId, NumericPersonId: null, image, captions)
                : null;
        }
    }

    // A number and a string with the same text ("7" and 7) name the same person.
    private static string? ReadPersonId(JsonElement record, int lineIndex, ProblemCollector problems)
    {
        if (!record.TryGetProperty(PersonIdKey, out var id) || id.ValueKind == JsonValueKind.Null)
        {
            problems.RecordError(DatasetProblemKind.MissingField, lineIndex,
                $"the line has no \"{PersonIdKey}\" field. Add the person's id as a string or a number.");
            return null;
        }

        var text = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.RecordError(DatasetProblemKind.InvalidField, lineIndex,
                $"\"{PersonIdKey}\" is {JsonKinds.Quote(id)}; it must be a non-empty string or a number.");
            return null;
        }

        return text;
    }
}
