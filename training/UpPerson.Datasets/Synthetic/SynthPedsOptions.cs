namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Settings of one SynthPeds generation run. <see cref="SynthPedsOptionsValidator"/> checks them all
/// at once before anything is written.
/// </summary>
/// <remarks>
/// Two sets share no identity when their seeds differ or when their identity ranges
/// [<see cref="IdentityOffset"/>, <see cref="IdentityOffset"/> + <see cref="Identities"/>) do not overlap.
/// The output does not depend on <see cref="MaxDegreeOfParallelism"/>.
/// </remarks>
public sealed record SynthPedsOptions
{
    public const int MaxIdentities = 1_000_000;
    public const int MaxImagesPerIdentity = 100;
    public const int MaxCaptionsPerImage = 10;

    /// <summary>Folder that receives imgs/, reid_raw.json and synthpeds.json; created when missing.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Number of identities, split by identity into train, val and test.</summary>
    public int Identities { get; init; } = 100;

    public int ImagesPerIdentity { get; init; } = 4;

    /// <summary>Captions per image; CUHK-PEDES has 2.</summary>
    public int CaptionsPerImage { get; init; } = 2;

    /// <summary>Seed of every random choice; the same options give the same files.</summary>
    public int Seed { get; init; } = 1;

    public SynthBackgroundSet BackgroundSet { get; init; } = SynthBackgroundSet.Urban;

    /// <summary>Folder name under imgs/ and the first part of every file_path: letters, digits, '-' and '_'.</summary>
    public string SetName { get; init; } = "synthpeds";

    /// <summary>
    /// Number of the first identity in the seed's identity stream. Giving a second set an offset at or
    /// beyond the first set's offset plus its identity count keeps the two sets' identities apart.
    /// </summary>
    public long IdentityOffset { get; init; }

    public double TrainFraction { get; init; } = 0.8;

    public double ValFraction { get; init; } = 0.1;

    public double TestFraction { get; init; } = 0.1;

    /// <summary>JPEG quality, 1–100, passed to OpenCV's encoder.</summary>
    public int JpegQuality { get; init; } = 95;

    /// <summary>Number of images rendered at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether to replace a set already in <see cref="OutputDirectory"/>; when false such a set is an error.</summary>
    public bool Overwrite { get; init; }
}
