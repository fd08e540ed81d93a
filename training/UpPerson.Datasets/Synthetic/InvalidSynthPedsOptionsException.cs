namespace UpPerson.Datasets.Synthetic;

/// <summary>Thrown when <see cref="SynthPedsOptions"/> are invalid; the message lists every problem.</summary>
public sealed class InvalidSynthPedsOptionsException : ArgumentException
{
    public InvalidSynthPedsOptionsException(IReadOnlyList<string> problems)
        : base("SynthPeds options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(problem => "- " + problem)), "options")
    {
        Problems = problems;
    }

    /// <summary>One message per problem, each naming the option.</summary>
    public IReadOnlyList<string> Problems { get; }
}
