using System.Text.Encodings.Web;
using System.Text.Json;

namespace UpPerson.Cli;

/// <summary>JSON settings for command output: indented, and with '+' and non-ASCII text left readable.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
