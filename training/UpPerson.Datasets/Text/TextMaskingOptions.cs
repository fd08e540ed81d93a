using UpPerson.Tokenization;

namespace UpPerson.Datasets;

/// <summary>
/// Settings of <see cref="TextTokenMasker"/>. The defaults are UP-Person's: 15 % of the non-special
/// tokens are selected. A selected token becomes the mask id with probability 0.8, a random id from
/// 1 to 49404 with probability 0.1, and stays unchanged otherwise.
/// </summary>
public sealed record TextMaskingOptions
{
    public double SelectionProbability { get; init; } = 0.15;

    /// <summary>Probability that a selected token becomes <see cref="MaskId"/>.</summary>
    public double MaskTokenProbability { get; init; } = 0.8;

    /// <summary>Probability that a selected token becomes a random id in <see cref="RandomIdMin"/>..<see cref="RandomIdMax"/>.</summary>
    public double RandomTokenProbability { get; init; } = 0.1;

    /// <summary>Id written for masked tokens; CLIP has no mask token, so 49405 is reused and keeps its embedding.</summary>
    public long MaskId { get; init; } = ClipTokenizer.MaskId;

    /// <summary>Smallest random replacement id, inclusive.</summary>
    public long RandomIdMin { get; init; } = 1;

    /// <summary>Largest random replacement id, inclusive; 49404 is the last id below the mask and special tokens.</summary>
    public long RandomIdMax { get; init; } = ClipTokenizer.MaskId - 1;

    /// <summary>Throws one <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(SelectionProbability >= 0 && SelectionProbability <= 1))
        {
            problems.Add($"SelectionProbability is {SelectionProbability}; use a probability from 0 to 1.");
        }

        if (!(MaskTokenProbability >= 0 && RandomTokenProbability >= 0 && MaskTokenProbability + RandomTokenProbability <= 1))
        {
            problems.Add($"MaskTokenProbability {MaskTokenProbability} and RandomTokenProbability {RandomTokenProbability} must be non-negative and add up to at most 1.");
        }

        if (!(RandomIdMin >= 0 && RandomIdMin <= RandomIdMax && RandomIdMax < int.MaxValue))
        {
            problems.Add($"Random id range {RandomIdMin}..{RandomIdMax} must satisfy 0 <= min <= max < {int.MaxValue}.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid TextMaskingOptions: {string.Join(" ", problems)}");
        }
    }
}
