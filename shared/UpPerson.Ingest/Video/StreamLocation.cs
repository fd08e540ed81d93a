namespace UpPerson.Ingest;

/// <summary>Tells file paths from stream URLs and hides credentials in URLs before they are logged.</summary>
internal static class StreamLocation
{
    /// <summary>Returns whether the location is a network URL (rtsp, http and so on) rather than a file path.</summary>
    public static bool IsUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile && !string.IsNullOrEmpty(uri.Scheme);

    /// <summary>Returns the local path of a file location, which may be given as a <c>file://</c> URI.</summary>
    public static string ToFilePath(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : location;

    /// <summary>Returns the location with any user name and password in a URL replaced by <c>***</c>.</summary>
    public static string Redact(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.UserInfo))
        {
            return location;
        }

        var builder = new UriBuilder(uri) { UserName = "***", Password = string.Empty };
        return builder.Uri.ToString();
    }
}
