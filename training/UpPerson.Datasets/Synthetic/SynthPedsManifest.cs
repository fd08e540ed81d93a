namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Contents of synthpeds.json: the settings a set was generated with and the attributes of every
/// identity, to reproduce the set or to check a caption against what was drawn.
/// </summary>
public sealed record SynthPedsManifest
{
    public required string Generator { get; init; }

    /// <summary>Version of the generator's output; a change in drawing or wording raises it.</summary>
    public required int FormatVersion { get; init; }

    public required int Seed { get; init; }

    public required string SetName { get; init; }

    public required SynthBackgroundSet BackgroundSet { get; init; }

    public required long IdentityOffset { get; init; }

    public required int Identities { get; init; }

    public required int ImagesPerIdentity { get; init; }

    public required int CaptionsPerImage { get; init; }

    public required double TrainFraction { get; init; }

    public required double ValFraction { get; init; }

    public required double TestFraction { get; init; }

    public required int JpegQuality { get; init; }

    public required int ImageHeight { get; init; }

    public required int ImageWidth { get; init; }

    public required IReadOnlyList<IdentityRange> Splits { get; init; }

    public required IReadOnlyList<SynthPedsPerson> Persons { get; init; }
}

/// <summary>One identity of a set.</summary>
/// <param name="Id">1-based id as in reid_raw.json.</param>
/// <param name="SourceIdentity">Number of the identity in the seed's stream: IdentityOffset + Id − 1.</param>
public sealed record SynthPedsPerson(int Id, string Split, long SourceIdentity, PersonAttributes Attributes, IReadOnlyList<SynthPedsImage> Images);

/// <summary>How one image of an identity was drawn.</summary>
/// <param name="FilePath">Path under imgs/, as in reid_raw.json.</param>
public sealed record SynthPedsImage(string FilePath, Facing Facing, BackgroundScene Scene, bool FeetVisible);
