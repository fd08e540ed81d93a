using System.Text.Json;

namespace UpPerson.Datasets;

/// <summary>
/// Reads a JSON file whose top level is a list of records. Parsing element by element lets a syntax
/// error name the record it sits in as well as the line and byte.
/// </summary>
internal static class JsonArrayRecords
{
    /// <summary>Returns the records with their indexes, or null after adding a problem when the JSON is malformed or not a list.</summary>
    public static List<(int Index, JsonElement Record)>? Read(ReadOnlySpan<byte> utf8, ProblemCollector problems)
    {
        var records = new List<(int Index, JsonElement Record)>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var index = 0;
        var listClosed = false;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                problems.FileError(DatasetProblemKind.MalformedJson,
                    $"the top level is {Describe(reader.TokenType)}, but this format is a JSON list of records ([{{...}}, {{...}}]). Check that this is the dataset's annotation file.");
                return null;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                records.Add((index, JsonElement.ParseValue(ref reader)));
                index++;
            }

            // Utf8JsonReader raises JsonException for anything but whitespace after the closing bracket.
            listClosed = true;
            reader.Read();
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber + 1;
            var column = exception.BytePositionInLine + 1;
            var where = listClosed ? "after the record list" : $"in record {index}";
            problems.FileError(DatasetProblemKind.MalformedJson,
                $"malformed JSON {where} at line {line}, byte {column}: {exception.Message} "
                + "Fix the syntax there (a missing comma, quote or bracket is typical) and check that the file was copied completely.",
                listClosed ? null : index);
            return null;
        }

        if (records.Count == 0)
        {
            problems.FileError(DatasetProblemKind.EmptyFile, "the record list is empty ([]). Point the loader at the dataset's full annotation file.");
            return null;
        }

        return records;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
