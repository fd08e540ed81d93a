namespace UpPerson.Contracts;

/// <summary>
/// Base of errors about input an operator supplied (a model bundle, an image, a dataset) whose
/// message names the value and the fix, so command lines print it as one line instead of a crash.
/// </summary>
public abstract class InvalidInputException : Exception
{
    protected InvalidInputException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
