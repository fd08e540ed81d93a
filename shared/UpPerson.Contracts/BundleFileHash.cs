using System.Buffers;
using System.Security.Cryptography;

namespace UpPerson.Contracts;

/// <summary>SHA-256 of bundle files, as recorded in <c>model.json</c>.</summary>
public static class BundleFileHash
{
    private const int ChunkBytes = 1024 * 1024;

    /// <summary>Hashes a file in 1 MiB chunks (never whole in memory) and returns lower-case hex.</summary>
    public static string ComputeSha256Hex(string path, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, ChunkBytes)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
