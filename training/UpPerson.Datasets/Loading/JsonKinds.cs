using System.Text.Json;

namespace UpPerson.Datasets;

/// <summary>Names of JSON value kinds as error messages print them.</summary>
internal static class JsonKinds
{
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an undefined value",
    };

    /// <summary>Returns the value's JSON text, shortened for messages.</summary>
    public static string Quote(JsonElement value, int maxLength = 60)
    {
        var text = value.GetRawText();
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "...");
    }
}
