using UpPerson.Contracts;
namespace UpPerson.Inference;

/// <summary>
/// Raised when encoded image bytes are empty, truncated, corrupt, of an unsupported format or too large.
/// The message names the source and the fix.
/// </summary>
public sealed class ImageDecodeException : InvalidInputException
{
    public ImageDecodeException(string sourceName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        SourceName = sourceName;
    }

    /// <summary>File path or caller-chosen label of the rejected image.</summary>
    public string SourceName { get; }
}
