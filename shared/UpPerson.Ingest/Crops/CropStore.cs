using System.Globalization;
using System.Text;
using OpenCvSharp;

namespace UpPerson.Ingest;

/// <summary>
/// Writes person crops as JPEG files under a root folder, at <c>camera/yyyy-MM-dd/sightingId.jpg</c>.
/// </summary>
/// <remarks>
/// The path depends only on the camera, the UTC date and the sighting id, so replaying a stream
/// rewrites the same files instead of adding new ones. Each file appears complete or not at all:
/// it is written to a temporary file in the same folder and then renamed over the target.
/// </remarks>
public sealed class CropStore
{
    private const string Extension = ".jpg";

    private readonly int _jpegQuality;

    public CropStore(CropStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        RootDirectory = Path.GetFullPath(options.RootDirectory);
        _jpegQuality = options.JpegQuality;
    }

    /// <summary>Absolute path of the folder that contains every crop.</summary>
    public string RootDirectory { get; }

    /// <summary>
    /// Returns the crop's path relative to the root, with <c>/</c> separators. Characters other than
    /// ASCII letters, digits, '-', '_' and '.' in the camera id are percent-encoded (UTF-8), as is a
    /// leading '.', so every camera id maps to its own folder.
    /// </summary>
    public static string GetRelativePath(string cameraId, DateTimeOffset timestampUtc, string sightingId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cameraId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sightingId);
        if (!sightingId.All(IsPlainFileNameCharacter) || sightingId.Contains('.'))
        {
            throw new ArgumentException(
                $"Sighting id '{sightingId}' cannot name a crop file: use only ASCII letters, digits, '-' and '_' " +
                "(SightingId.Create returns 32 hexadecimal characters).",
                nameof(sightingId));
        }

        var date = timestampUtc.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{EncodeCameraFolder(cameraId)}/{date}/{sightingId}{Extension}";
    }

    /// <summary>Returns the absolute path of a relative crop path; rejects paths that leave the root.</summary>
    public string GetFullPath(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);

        var fullPath = Path.GetFullPath(Path.Combine(RootDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (!fullPath.StartsWith(RootDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Crop path '{relativePath}' points outside the crop store root '{RootDirectory}'. " +
                "Use a path returned by CropStore.Save.",
                nameof(relativePath));
        }

        return fullPath;
    }

    /// <summary>
    /// Encodes the crop as JPEG and writes it durably at its deterministic path, replacing any file
    /// already there. Returns the path relative to the root.
    /// </summary>
    public string Save(Mat crop, string cameraId, DateTimeOffset timestampUtc, string sightingId)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (crop.Empty())
        {
            throw new ArgumentException(
                $"Crop for sighting '{sightingId}' is an empty image; locate crops with CropGeometry, which drops empty boxes.",
                nameof(crop));
        }

        var relativePath = GetRelativePath(cameraId, timestampUtc, sightingId);
        var fullPath = GetFullPath(relativePath);
        var jpeg = EncodeJpeg(crop, sightingId);

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporaryPath = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(jpeg);

                // Flush to the device before the rename, so a crash never leaves a renamed but empty file.
                file.Flush(flushToDisk: true);
            }

            File.Move(temporaryPath, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporaryPath))
            {
                File.Delete(temporaryPath);
            }
        }

        // NOTE: the folder entry itself is not synced (.NET offers no directory fsync), so a power
        // loss right after Save can still lose the rename on some file systems.
        return relativePath;
    }

    private byte[] EncodeJpeg(Mat crop, string sightingId)
    {
        Cv2.ImEncode(Extension, crop, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, _jpegQuality));
        if (jpeg.Length == 0)
        {
            throw new InvalidOperationException(
                $"OpenCV returned no JPEG data for the crop of sighting '{sightingId}' ({crop.Type()}, " +
                $"{crop.Width}x{crop.Height}). Pass an 8-bit BGR or grayscale image.");
        }

        return jpeg;
    }

    private static string EncodeCameraFolder(string cameraId)
    {
        var folder = new StringBuilder(cameraId.Length);
        var bytes = Encoding.UTF8.GetBytes(cameraId);
        for (var i = 0; i < bytes.Length; i++)
        {
            var character = (char)bytes[i];
            var keep = bytes[i] < 0x80 && IsPlainFileNameCharacter(character) && !(i == 0 && character == '.');
            if (keep)
            {
                folder.Append(character);
            }
            else
            {
                folder.Append('%').Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return folder.ToString();
    }

    private static bool IsPlainFileNameCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.';
}
