using System.Text.RegularExpressions;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Checks <see cref="SynthPedsOptions"/> and reports every problem at once, each naming its option.</summary>
public static partial class SynthPedsOptionsValidator
{
    private const double FractionSumTolerance = 1e-6;

    /// <summary>Returns one message per problem; empty when the options are valid.</summary>
    public static IReadOnlyList<string> Validate(SynthPedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            problems.Add("OutputDirectory is empty. Set it to the folder that should receive imgs/ and reid_raw.json.");
        }

        CheckRange(problems, nameof(options.Identities), options.Identities, 1, SynthPedsOptions.MaxIdentities);
        CheckRange(problems, nameof(options.ImagesPerIdentity), options.ImagesPerIdentity, 1, SynthPedsOptions.MaxImagesPerIdentity);
        CheckRange(problems, nameof(options.CaptionsPerImage), options.CaptionsPerImage, 1, SynthPedsOptions.MaxCaptionsPerImage);
        CheckRange(problems, nameof(options.JpegQuality), options.JpegQuality, 1, 100);

        if (options.MaxDegreeOfParallelism < 1)
        {
            problems.Add($"MaxDegreeOfParallelism is {options.MaxDegreeOfParallelism}. Set it to 1 or more; the machine has {Environment.ProcessorCount} cores.");
        }

        if (!Enum.IsDefined(options.BackgroundSet))
        {
            problems.Add($"BackgroundSet is {(int)options.BackgroundSet}, which is not a background set. Use Urban, Park or Mixed.");
        }

        if (options.SetName is null || !SetNamePattern().IsMatch(options.SetName))
        {
            problems.Add($"SetName '{options.SetName}' is not a valid folder name. Use 1–64 letters, digits, '-' or '_', such as 'synth-a'.");
        }

        if (options.IdentityOffset < 0 || options.IdentityOffset > long.MaxValue - SynthPedsOptions.MaxIdentities)
        {
            problems.Add($"IdentityOffset is {options.IdentityOffset}. Set it to 0 or more, below {long.MaxValue - SynthPedsOptions.MaxIdentities}.");
        }

        CheckFractions(problems, options);
        return problems;
    }

    /// <summary>Throws <see cref="InvalidSynthPedsOptionsException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(SynthPedsOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new InvalidSynthPedsOptionsException(problems);
        }
    }

    private static void CheckRange(List<string> problems, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{name} is {value}. Set it between {min} and {max}.");
        }
    }

    private static void CheckFractions(List<string> problems, SynthPedsOptions options)
    {
        var fractionsValid = true;
        foreach (var (name, value) in new[]
        {
            (nameof(options.TrainFraction), options.TrainFraction),
            (nameof(options.ValFraction), options.ValFraction),
            (nameof(options.TestFraction), options.TestFraction),
        })
        {
            if (double.IsNaN(value) || value < 0 || value > 1)
            {
                problems.Add($"{name} is {value}. Set it between 0 and 1.");
                fractionsValid = false;
            }
        }

        if (!fractionsValid)
        {
            return;
        }

        var sum = options.TrainFraction + options.ValFraction + options.TestFraction;
        if (Math.Abs(sum - 1) > FractionSumTolerance)
        {
            problems.Add($"TrainFraction, ValFraction and TestFraction add up to {sum:0.######}. Make them add up to 1, such as 0.8, 0.1 and 0.1.");
            return;
        }

        if (options.TrainFraction <= 0)
        {
            problems.Add("TrainFraction is 0. Give train a positive fraction: every set needs training identities.");
            return;
        }

        if (options.Identities is >= 1 and <= SynthPedsOptions.MaxIdentities)
        {
            var split = IdentitySplit.Compute(options.Identities, options.ValFraction, options.TestFraction);
            if (split.Train.Count < 1)
            {
                problems.Add(
                    $"Identities is {options.Identities}, too few for ValFraction {options.ValFraction} and TestFraction {options.TestFraction}: " +
                    "train would get no identity. Generate more identities or set a fraction to 0.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SetNamePattern();
}
