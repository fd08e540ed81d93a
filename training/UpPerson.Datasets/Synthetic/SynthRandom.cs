namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Deterministic pseudo-random stream: xoshiro256** seeded through SplitMix64.
/// </summary>
/// <remarks>
/// The generator carries its own algorithm instead of <see cref="Random"/> because the output of
/// <see cref="Random"/> for a seed is not a documented contract across .NET versions, and a SynthPeds
/// set must come out the same from the same seed. Each image draws from its own stream keyed by
/// (seed, identity, image), so the result does not depend on thread scheduling.
/// </remarks>
internal sealed class SynthRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    private SynthRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>Creates the stream for a seed and a path of keys, such as (purpose, identity, image).</summary>
    public static SynthRandom ForKeys(long seed, params ReadOnlySpan<long> keys)
    {
        var state = (ulong)seed;
        var hash = SplitMix64(ref state);
        foreach (var key in keys)
        {
            var keyState = hash ^ (ulong)key;
            hash = SplitMix64(ref keyState);
        }

        return new SynthRandom(hash);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;

        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);

        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The upper bound must be positive.");
        }

        // The high 64 bits of a 64 × 64-bit product map the random value onto the range, with a bias
        // below maxExclusive / 2^64.
        return (int)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
    }

    /// <summary>Uniform integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal sample (Box–Muller, one value per call).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks a value with probability proportional to its weight.</summary>
    public T PickWeighted<T>(IReadOnlyList<(T Value, double Weight)> choices)
    {
        var total = 0.0;
        foreach (var choice in choices)
        {
            total += choice.Weight;
        }

        var target = NextDouble() * total;
        foreach (var choice in choices)
        {
            target -= choice.Weight;
            if (target < 0)
            {
                return choice.Value;
            }
        }

        return choices[^1].Value;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
}
