namespace UpPerson.Ingest;

/// <summary>Tells file paths from stream URLs and hides credentials in URLs before they are logged.</summary>
public static partial class StreamLocation
{
    /// <summary>
    /// Returns whether the location is a network URL (rtsp, http and so on) rather than a file path.
    /// A scheme followed by "://" counts even when <see cref="Uri"/> rejects the rest, for example a
    /// password containing '#', so such a location is never looked up as a file.
    /// </summary>
    public static bool IsUrl(string location) =>
        SchemePrefix().IsMatch(location) && !location.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the local path of a file location, which may be given as a <c>file://</c> URI.</summary>
    public static string ToFilePath(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : location;

    /// <summary>Returns the location with any user name and password in a URL replaced by <c>***</c>.</summary>
    /// <remarks>Works on the text, so URLs that <see cref="Uri"/> cannot parse are redacted too.</remarks>
    public static string Redact(string location)
    {
        if (!IsUrl(location))
        {
            return location;
        }

        var authorityStart = location.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = location.IndexOf('/', authorityStart);
        var authorityEnd = pathStart < 0 ? location.Length : pathStart;
        var at = location.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        return at < 0 ? location : string.Concat(location.AsSpan(0, authorityStart), "***", location.AsSpan(at));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial System.Text.RegularExpressions.Regex SchemePrefix();
}
