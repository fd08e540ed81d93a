using System.Diagnostics;
using System.Runtime.ExceptionServices;
using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Generates a SynthPeds set: stylised pedestrian images with attribute-driven captions, written in the
/// CUHK-PEDES reid_raw.json layout.
/// </summary>
/// <remarks>
/// Layout under <see cref="SynthPedsOptions.OutputDirectory"/>: imgs/&lt;set&gt;/&lt;id&gt;/&lt;n&gt;.jpg
/// (id and n 1-based), reid_raw.json, and synthpeds.json with settings and attributes. Every random choice
/// comes from a stream keyed by the seed, the identity and the image, so the same options give the same
/// files whatever the parallelism. The JSON files are written last, so a cancelled run leaves images
/// without a reid_raw.json.
/// </remarks>
public static class SynthPedsGenerator
{
    public const string GeneratorName = "SynthPeds";

    /// <summary>Version of the drawing and wording; sets of different versions differ for the same seed.</summary>
    public const int FormatVersion = 1;

    /// <summary>Stream purposes: the first key of every random stream.</summary>
    private const long IdentityStream = 1;
    private const long ImageStream = 2;
    private const long CaptionStream = 3;

    /// <summary>Maximum redraws of an identity whose main attributes repeat an earlier one; after them the repeat is kept.</summary>
    private const int MaxRedraws = 20;

    /// <exception cref="InvalidSynthPedsOptionsException">An option is invalid; the message names each one.</exception>
    /// <exception cref="IOException">The output folder already contains a set and <see cref="SynthPedsOptions.Overwrite"/> is false.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; images written so far stay on disk.</exception>
    public static SynthPedsSummary Generate(SynthPedsOptions options, IProgress<SynthPedsProgress>? progress, CancellationToken cancellationToken)
    {
        SynthPedsOptionsValidator.ThrowIfInvalid(options);
        var stopwatch = Stopwatch.StartNew();

        var outputDirectory = Path.GetFullPath(options.OutputDirectory);
        var imageRoot = Path.Combine(outputDirectory, "imgs");
        var setDirectory = Path.Combine(imageRoot, options.SetName);
        var reidRawPath = Path.Combine(outputDirectory, SynthPedsJson.ReidRawFileName);
        var manifestPath = Path.Combine(outputDirectory, SynthPedsJson.ManifestFileName);
        Directory.CreateDirectory(outputDirectory);
        PrepareOutput(options, setDirectory, reidRawPath, manifestPath);

        var split = IdentitySplit.Compute(options.Identities, options.ValFraction, options.TestFraction);
        var persons = SampleIdentities(options, cancellationToken);

        for (var id = 1; id <= options.Identities; id++)
        {
            Directory.CreateDirectory(Path.Combine(setDirectory, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var total = options.Identities * options.ImagesPerIdentity;
        var images = new RenderedImage[total];
        var written = 0;
        var reportEvery = Math.Max(1, total / 100);
        var parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };

        try
        {
            Parallel.For(0, total, parallelOptions, index =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = index / options.ImagesPerIdentity + 1;
                var imageNumber = index % options.ImagesPerIdentity + 1;
                images[index] = RenderAndSave(options, imageRoot, id, imageNumber, persons[id - 1]);

                var done = Interlocked.Increment(ref written);
                if (done % reportEvery == 0 || done == total)
                {
                    progress?.Report(new SynthPedsProgress(done, total));
                }
            });
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            // One failing image (a full disk, a folder without write permission) surfaces as its own exception type.
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            throw;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var records = images.Select(image => new ReidRawRecord
        {
            Split = split.NameOf(image.Id),
            Captions = image.Captions,
            FilePath = image.FilePath,
            ProcessedTokens = image.Captions.Select(CaptionTokenizer.Tokenize).ToArray(),
            Id = image.Id,
        }).ToArray();
        SynthPedsJson.WriteReidRaw(reidRawPath, records);
        SynthPedsJson.WriteManifest(manifestPath, BuildManifest(options, split, persons, images));

        return new SynthPedsSummary
        {
            OutputDirectory = outputDirectory,
            ReidRawPath = reidRawPath,
            ManifestPath = manifestPath,
            Split = split,
            Images = total,
            Captions = total * options.CaptionsPerImage,
            Elapsed = stopwatch.Elapsed,
        };
    }

    private static void PrepareOutput(SynthPedsOptions options, string setDirectory, string reidRawPath, string manifestPath)
    {
        var existing = new List<string>();
        existing.AddRange(new[] { reidRawPath, manifestPath }.Where(File.Exists));
        if (Directory.Exists(setDirectory))
        {
            existing.Add(setDirectory);
        }

        if (existing.Count > 0 && !options.Overwrite)
        {
            throw new IOException(
                $"Output folder '{Path.GetDirectoryName(reidRawPath)}' already contains a SynthPeds set ({string.Join(", ", existing)}). " +
                "Choose an empty folder, or set Overwrite (--overwrite on the command line) to replace the set.");
        }

        // Overwrite removes only what this set writes, so other sets under imgs/ survive.
        if (Directory.Exists(setDirectory))
        {
            Directory.Delete(setDirectory, recursive: true);
        }

        File.Delete(reidRawPath);
        File.Delete(manifestPath);
        Directory.CreateDirectory(setDirectory);
    }

    // Identities are drawn one after another, so each draw can be compared with the earlier ones. A draw
    // whose main attributes repeat an earlier identity is redrawn, because two identities that captions
    // cannot tell apart would make text-to-image retrieval ill-posed.
    private static PersonAttributes[] SampleIdentities(SynthPedsOptions options, CancellationToken cancellationToken)
    {
        var persons = new PersonAttributes[options.Identities];
        var signatures = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < persons.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = options.IdentityOffset + i;
            PersonAttributes person;
            var redraw = 0;
            do
            {
                person = PersonAttributeSampler.Sample(SynthRandom.ForKeys(options.Seed, IdentityStream, source, redraw));
                redraw++;
            }
            while (!signatures.Add(Signature(person)) && redraw <= MaxRedraws);

            persons[i] = person;
        }

        return persons;
    }

    private static string Signature(PersonAttributes person) =>
        $"{person.Gender}|{person.Upper}|{person.UpperColour}|{person.Lower}|{person.LowerColour}|{person.Bag}|{person.BagColour}|{person.Hat}";

    private static RenderedImage RenderAndSave(SynthPedsOptions options, string imageRoot, int id, int imageNumber, PersonAttributes person)
    {
        var source = options.IdentityOffset + id - 1;
        var random = SynthRandom.ForKeys(options.Seed, ImageStream, source, imageNumber);
        var variation = ImageVariationSampler.Sample(person, options.BackgroundSet, random);

        var filePath = $"{options.SetName}/{id}/{imageNumber}.jpg";
        using (var image = PedestrianRenderer.Render(person, variation, random))
        {
            Cv2.ImEncode(".jpg", image, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, options.JpegQuality));
            File.WriteAllBytes(Path.Combine(imageRoot, filePath), jpeg);
        }

        var captions = CaptionWriter.Write(person, variation, options.CaptionsPerImage, SynthRandom.ForKeys(options.Seed, CaptionStream, source, imageNumber));
        return new RenderedImage(id, filePath, captions, variation);
    }

    private static SynthPedsManifest BuildManifest(SynthPedsOptions options, IdentitySplit split, PersonAttributes[] persons, RenderedImage[] images)
    {
        var entries = persons.Select((person, index) =>
        {
            var id = index + 1;
            var personImages = images
                .Skip(index * options.ImagesPerIdentity)
                .Take(options.ImagesPerIdentity)
                .Select(image => new SynthPedsImage(image.FilePath, image.Variation.Facing, image.Variation.Scene, image.Variation.FeetVisible))
                .ToArray();
            return new SynthPedsPerson(id, split.NameOf(id), options.IdentityOffset + index, person, personImages);
        }).ToArray();

        return new SynthPedsManifest
        {
            Generator = GeneratorName,
            FormatVersion = FormatVersion,
            Seed = options.Seed,
            SetName = options.SetName,
            BackgroundSet = options.BackgroundSet,
            IdentityOffset = options.IdentityOffset,
            Identities = options.Identities,
            ImagesPerIdentity = options.ImagesPerIdentity,
            CaptionsPerImage = options.CaptionsPerImage,
            TrainFraction = options.TrainFraction,
            ValFraction = options.ValFraction,
            TestFraction = options.TestFraction,
            JpegQuality = options.JpegQuality,
            ImageHeight = SynthImage.Height,
            ImageWidth = SynthImage.Width,
            Splits = split.All.ToArray(),
            Persons = entries,
        };
    }

    private sealed record RenderedImage(int Id, string FilePath, IReadOnlyList<string> Captions, ImageVariation Variation);
}
