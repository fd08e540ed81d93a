using UpPerson.Contracts;
using System.Text;

namespace UpPerson.Datasets;

/// <summary>
/// Raised when an annotation file has errors. It carries every error found, so one run reports all of
/// them; the message lists up to <see cref="MaxListedPerKind"/> of each kind.
/// </summary>
public sealed class DatasetValidationException : InvalidInputException
{
    public const int MaxListedPerKind = 20;

    public DatasetValidationException(string filePath, IReadOnlyList<DatasetProblem> errors)
        : base(BuildMessage(filePath, errors))
    {
        FilePath = filePath;
        Errors = errors;
    }

    /// <summary>Absolute path of the annotation file.</summary>
    public string FilePath { get; }

    /// <summary>Every error found, in the order the checks ran.</summary>
    public IReadOnlyList<DatasetProblem> Errors { get; }

    private static string BuildMessage(string filePath, IReadOnlyList<DatasetProblem> errors)
    {
        var message = new StringBuilder();
        message.Append($"Dataset annotation file '{filePath}' has {errors.Count} error(s). Fix them all, then load it again:");

        foreach (var group in errors.GroupBy(error => error.Kind))
        {
            var listed = 0;
            foreach (var error in group.Take(MaxListedPerKind))
            {
                message.Append(Environment.NewLine).Append("  - ").Append(error.Message);
                listed++;
            }

            var unlisted = group.Count() - listed;
            if (unlisted > 0)
            {
                message.Append(Environment.NewLine).Append($"  - ... and {unlisted} more {group.Key} error(s).");
            }
        }

        return message.ToString();
    }
}
