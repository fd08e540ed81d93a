namespace UpPerson.Datasets.Synthetic;

/// <summary>What a generation run wrote, and how long it took.</summary>
public sealed record SynthPedsSummary
{
    public required string OutputDirectory { get; init; }

    public required string ReidRawPath { get; init; }

    public required string ManifestPath { get; init; }

    public required IdentitySplit Split { get; init; }

    public required int Images { get; init; }

    public required int Captions { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public double ImagesPerSecond => Elapsed > TimeSpan.Zero ? Images / Elapsed.TotalSeconds : 0;
}

/// <summary>Progress of a generation run, reported about once per percent of the images.</summary>
public readonly record struct SynthPedsProgress(int ImagesWritten, int ImagesTotal);
