using System.Security.Cryptography;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Checkpoints;

/// <summary>
/// SHA-256 over named tensors (names in ordinal order, then dtype, shape and little-endian bytes),
/// so two weight sets compare equal whatever file format or key order they were stored in.
/// </summary>
public static class StateDictHash
{
    public static string Compute(IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, tensor) in tensors.OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\0{tensor.dtype}\0{string.Join(',', tensor.shape)}\0"));
            using var contiguous = tensor.detach().cpu().contiguous();
            hash.AppendData(contiguous.bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
