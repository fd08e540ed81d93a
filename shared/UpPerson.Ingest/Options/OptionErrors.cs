using System.Globalization;

namespace UpPerson.Ingest;

/// <summary>
/// Collects every problem in one options object, including nested ones, so that a single
/// exception reports them all.
/// </summary>
internal sealed class OptionErrors
{
    private readonly string _optionsName;
    private readonly string _prefix;
    private readonly List<string> _problems;

    public OptionErrors(string optionsName)
        : this(optionsName, string.Empty, [])
    {
    }

    private OptionErrors(string optionsName, string prefix, List<string> problems)
    {
        _optionsName = optionsName;
        _prefix = prefix;
        _problems = problems;
    }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Records a problem, formatting numbers with the invariant culture.</summary>
    public void Add(FormattableString problem) =>
        _problems.Add(_prefix + problem.ToString(CultureInfo.InvariantCulture));

    /// <summary>Returns a collector for a nested options object whose problems are prefixed with its property name.</summary>
    public OptionErrors Nested(string propertyName) =>
        new(_optionsName, $"{_prefix}{propertyName}.", _problems);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count == 0)
        {
            return;
        }

        throw new ArgumentException($"Invalid {_optionsName}: {string.Join("; ", _problems)}.");
    }
}
