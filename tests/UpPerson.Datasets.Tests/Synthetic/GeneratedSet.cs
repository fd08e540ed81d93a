using UpPerson.Datasets.Synthetic;

namespace UpPerson.Datasets.Tests.Synthetic;

/// <summary>
/// A SynthPeds set generated into its own temporary folder, with its manifest and records loaded.
/// Test classes hold one as a class fixture when they only read it; the folder goes on dispose.
/// </summary>
public class GeneratedSet : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public GeneratedSet()
        : this(options => options)
    {
    }

    protected GeneratedSet(Func<SynthPedsOptions, SynthPedsOptions> configure)
    {
        Options = configure(new SynthPedsOptions
        {
            OutputDirectory = _directory.Combine("set"),
            Identities = 10,
            ImagesPerIdentity = 3,
            Seed = 11,
            SetName = "synth-test",
            MaxDegreeOfParallelism = 2,
        });
        Summary = SynthPedsGenerator.Generate(Options, null, CancellationToken.None);
        Manifest = SynthPedsJson.ReadManifest(Summary.ManifestPath);
        Records = SynthPedsJson.ReadReidRaw(Summary.ReidRawPath);
    }

    public SynthPedsOptions Options { get; }

    public SynthPedsSummary Summary { get; }

    public SynthPedsManifest Manifest { get; }

    public IReadOnlyList<ReidRawRecord> Records { get; }

    public PersonAttributes AttributesOf(int id) => Manifest.Persons[id - 1].Attributes;

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
