namespace UpPerson.Datasets;

/// <summary>Whether a dataset problem stops loading.</summary>
public enum DatasetProblemSeverity
{
    /// <summary>Reported; the data is kept and training may go on.</summary>
    Warning,

    /// <summary>Loading fails with <see cref="DatasetValidationException"/> once every error has been collected.</summary>
    Error,
}
