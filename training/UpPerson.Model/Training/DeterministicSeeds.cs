namespace UpPerson.Model.Training;

/// <summary>
/// Seeds for each random stream of a run, derived from the run seed and the position in training,
/// so epoch e draws the same shuffle and augmentations whether the run was resumed or not.
/// </summary>
public static class DeterministicSeeds
{
    public static int For(long runSeed, int epoch, int stream, int index = 0)
    {
        // SplitMix64 finaliser over the packed inputs: cheap, and nearby inputs give unrelated seeds.
        var value = unchecked((ulong)runSeed * 0x9E3779B97F4A7C15UL
            ^ (ulong)(uint)epoch * 0xBF58476D1CE4E5B9UL
            ^ (ulong)(uint)stream * 0x94D049BB133111EBUL
            ^ (ulong)(uint)index * 0xD6E8FEB86659FD93UL);
        value ^= value >> 30;
        value = unchecked(value * 0xBF58476D1CE4E5B9UL);
        value ^= value >> 27;
        value = unchecked(value * 0x94D049BB133111EBUL);
        value ^= value >> 31;
        return (int)(value & int.MaxValue);
    }

    public const int ShuffleStream = 1;
    public const int BatchStream = 2;
}
