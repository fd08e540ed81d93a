using System.Text.Json;

namespace UpPerson.Datasets;

/// <summary>Reads the fields every annotation format shares, adding a problem for each field that is missing or invalid.</summary>
internal static class RecordFieldReader
{
    public const string CaptionsKey = "captions";
    public const string SplitKey = "split";

    /// <summary>Returns the captions list, or null after adding a problem when it is absent, empty, not a list, or contains a non-string.</summary>
    public static IReadOnlyList<string>? ReadCaptions(JsonElement record, int recordIndex, ProblemCollector problems)
    {
        if (!record.TryGetProperty(CaptionsKey, out var captions) || captions.ValueKind == JsonValueKind.Null)
        {
            problems.RecordError(DatasetProblemKind.MissingCaptions, recordIndex,
                $"the record has no \"{CaptionsKey}\" field. Add \"{CaptionsKey}\": [\"a description of the person\"] or remove the record.");
            return null;
        }

        if (captions.ValueKind != JsonValueKind.Array)
        {
            problems.RecordError(DatasetProblemKind.CaptionsNotAList, recordIndex,
                $"\"{CaptionsKey}\" is {JsonKinds.Describe(captions.ValueKind)} ({JsonKinds.Quote(captions)}), not a list. Write it as a list of strings, for example [\"a man in a red coat\"].");
            return null;
        }

        if (captions.GetArrayLength() == 0)
        {
            problems.RecordError(DatasetProblemKind.MissingCaptions, recordIndex,
                $"\"{CaptionsKey}\" is an empty list. Add at least one description or remove the record.");
            return null;
        }

        var texts = new List<string>(captions.GetArrayLength());
        var valid = true;
        var position = 0;
        foreach (var caption in captions.EnumerateArray())
        {
            if (caption.ValueKind == JsonValueKind.String)
            {
                texts.Add(caption.GetString()!);
            }
            else
            {
                problems.RecordError(DatasetProblemKind.InvalidField, recordIndex,
                    $"caption {position} is {JsonKinds.Describe(caption.ValueKind)} ({JsonKinds.Quote(caption)}), not a string. Write every caption as a JSON string.");
                valid = false;
            }

            position++;
        }

        return valid ? texts : null;
    }

    /// <summary>
    /// Reads the split name. Returns true with null when the field is absent and <paramref name="required"/>
    /// is false; adds a problem and returns false when it is required and absent, or not a string.
    /// </summary>
    public static bool TryReadSplit(JsonElement record, int recordIndex, bool required, string allowedSplits, ProblemCollector problems, out string? splitName)
    {
        splitName = null;
        if (!record.TryGetProperty(SplitKey, out var split) || split.ValueKind == JsonValueKind.Null)
        {
            if (!required)
            {
                return true;
            }

            problems.RecordError(DatasetProblemKind.MissingField, recordIndex,
                $"the record has no \"{SplitKey}\" field, which this format needs. Add \"{SplitKey}\": with one of {allowedSplits}.");
            return false;
        }

        if (split.ValueKind != JsonValueKind.String)
        {
            problems.RecordError(DatasetProblemKind.InvalidField, recordIndex,
                $"\"{SplitKey}\" is {JsonKinds.Describe(split.ValueKind)} ({JsonKinds.Quote(split)}), not a string. Use one of {allowedSplits}.");
            return false;
        }

        splitName = split.GetString();
        return true;
    }

    /// <summary>Reads a non-empty string field, or adds a problem and returns null.</summary>
    public static string? ReadPath(JsonElement record, string key, int recordIndex, ProblemCollector problems)
    {
        if (!record.TryGetProperty(key, out var path) || path.ValueKind == JsonValueKind.Null)
        {
            problems.RecordError(DatasetProblemKind.MissingField, recordIndex,
                $"the record has no \"{key}\" field. Add the image path under \"{key}\".");
            return null;
        }

        if (path.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(path.GetString()))
        {
            problems.RecordError(DatasetProblemKind.InvalidField, recordIndex,
                $"\"{key}\" is {JsonKinds.Quote(path)}, not a non-empty string. Write the image path as a JSON string.");
            return null;
        }

        return path.GetString();
    }
}
