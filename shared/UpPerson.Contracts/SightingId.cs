using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UpPerson.Contracts;

/// <summary>
/// Derives sighting ids from what identifies a sighting: camera, stream time and box.
/// </summary>
/// <remarks>
/// Re-reading the same stream therefore yields the same ids, and stores upsert instead of
/// duplicating. The id is the first 16 bytes of a SHA-256 as 32 lower-case hex characters.
/// </remarks>
public static class SightingId
{
    public static string Create(string cameraId, DateTimeOffset timestampUtc, BoundingBox box)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cameraId);

        var key = string.Create(
            CultureInfo.InvariantCulture,
            $"sighting/v1|{cameraId}|{timestampUtc.UtcTicks}|{box.X}|{box.Y}|{box.Width}|{box.Height}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
