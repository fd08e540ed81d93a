using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>The text tower's additive attention mask, widened for S-Prefix columns.</summary>
public static class CausalMask
{
    /// <summary>
    /// Builds [L, L + P]: query i may see key 0, all P prefix keys (columns 1..P) and the original
    /// keys 1..i (columns P+1..P+i); everything else is −∞.
    /// </summary>
    public static Tensor Build(int length, int prefixLength)
    {
        var values = new float[length * (length + prefixLength)];
        var columns = length + prefixLength;
        for (var query = 0; query < length; query++)
        {
            for (var key = 1; key < length; key++)
            {
                if (key > query)
                {
                    values[query * columns + prefixLength + key] = float.NegativeInfinity;
                }
            }
        }

        return torch.tensor(values, [length, columns]);
    }

    /// <summary>The same mask as a flat row-major array, for graph exporters.</summary>
    public static float[] BuildArray(int length, int prefixLength)
    {
        using var mask = Build(length, prefixLength);
        return mask.data<float>().ToArray();
    }
}
