using UpPerson.Contracts;
namespace UpPerson.Inference;

/// <summary>
/// Raised when a model bundle folder cannot be used: the manifest is missing, unreadable or invalid,
/// or a file is missing or does not match its SHA-256. <see cref="Problems"/> lists every problem found.
/// </summary>
public sealed class ModelBundleException : InvalidInputException
{
    public const string ReexportFix =
        "Re-export the bundle with 'upperson-train export', or copy the whole folder again if it was damaged in transfer.";

    public ModelBundleException(string directoryPath, IReadOnlyList<string> problems, Exception? innerException = null)
        : base(FormatMessage(directoryPath, problems), innerException)
    {
        DirectoryPath = directoryPath;
        Problems = problems;
    }

    public string DirectoryPath { get; }

    /// <summary>One line per problem, each starting with the bundle file it concerns.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string FormatMessage(string directoryPath, IReadOnlyList<string> problems)
    {
        var noun = problems.Count == 1 ? "problem" : "problems";
        var lines = problems.Select(problem => $"  - {problem}");
        return $"Model bundle '{directoryPath}' is invalid ({problems.Count} {noun}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines) + Environment.NewLine
            + ReexportFix;
    }
}
