using System.Globalization;

namespace UpPerson.Standalone;

/// <summary>Formats stream times for output: UTC, millisecond precision, with a Z suffix.</summary>
internal static class UtcTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? time) => time is { } value ? Format(value) : null;
}
