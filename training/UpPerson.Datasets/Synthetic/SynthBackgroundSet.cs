namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Family of background scenes. Two sets generated with different families differ in scenery, so a
/// model trained on one and tested on the other cannot rely on the background.
/// </summary>
public enum SynthBackgroundSet
{
    /// <summary>Pavement, street and building-wall scenes: greys, brick and asphalt.</summary>
    Urban,

    /// <summary>Grass, park-path and indoor-floor scenes: greens, sky, painted walls and wooden floors.</summary>
    Park,

    /// <summary>All scenes of <see cref="Urban"/> and <see cref="Park"/>.</summary>
    Mixed,
}

/// <summary>Parses background-set names as a command line passes them.</summary>
public static class SynthBackgroundSets
{
    /// <summary>Parses "urban", "park" or "mixed" (any case).</summary>
    /// <exception cref="ArgumentException">The name is not one of those.</exception>
    public static SynthBackgroundSet Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        foreach (var set in Enum.GetValues<SynthBackgroundSet>())
        {
            if (string.Equals(set.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return set;
            }
        }

        throw new ArgumentException($"Background set '{name}' is not known. Use one of: urban, park, mixed.", nameof(name));
    }
}
