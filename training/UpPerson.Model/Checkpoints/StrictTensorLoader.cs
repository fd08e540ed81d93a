using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Checkpoints;

/// <summary>
/// Copies named tensors into a set of target tensors, after checking that the two sets have the
/// same names and shapes. Every problem is reported at once.
/// </summary>
public static class StrictTensorLoader
{
    /// <param name="targets">Destination tensors by name (model parameters).</param>
    /// <param name="sources">Loaded tensors by name.</param>
    /// <param name="origin">File or description used in the error message.</param>
    public static void CopyInto(IReadOnlyDictionary<string, Tensor> targets, IReadOnlyDictionary<string, Tensor> sources, string origin)
    {
        var missing = targets.Keys.Where(name => !sources.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var unexpected = sources.Keys.Where(name => !targets.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var misshaped = targets
            .Where(entry => sources.TryGetValue(entry.Key, out var source) && !source.shape.SequenceEqual(entry.Value.shape))
            .Select(entry => $"{entry.Key} (expected [{string.Join(", ", entry.Value.shape)}], found [{string.Join(", ", sources[entry.Key].shape)}])")
            .Order(StringComparer.Ordinal)
            .ToList();

        if (missing.Count > 0 || unexpected.Count > 0 || misshaped.Count > 0)
        {
            throw new InvalidDataException(Describe(origin, missing, unexpected, misshaped));
        }

        using var noGrad = torch.no_grad();
        foreach (var (name, target) in targets)
        {
            target.copy_(sources[name]);
        }
    }

    /// <summary>Formats the three problem lists, at most 20 names each, so errors stay readable.</summary>
    public static string Describe(string origin, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> misshaped)
    {
        static string List(string label, IReadOnlyList<string> names) =>
            names.Count == 0 ? string.Empty : $" {label} ({names.Count}): {string.Join(", ", names.Take(20))}{(names.Count > 20 ? ", …" : string.Empty)}.";

        return $"Tensors in {origin} do not match the model." +
            List("Missing", missing) +
            List("Unexpected", unexpected) +
            List("Wrong shape", misshaped);
    }
}
