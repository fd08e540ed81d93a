namespace UpPerson.Inference;

/// <summary>Builds the <see cref="ImageDecodeException"/>s shared by the container readers.</summary>
internal static class ImageContainerErrors
{
    private const string CopyAgainFix = "Copy or download the file again, or re-encode it from the original.";

    public static ImageDecodeException Truncated(string sourceName, string formatName, int length, string missingPart) =>
        new(sourceName,
            $"Image '{sourceName}' is a truncated {formatName}: its {length} bytes end before {missingPart}. {CopyAgainFix}");

    public static ImageDecodeException Corrupt(string sourceName, string formatName, string detail) =>
        new(sourceName, $"Image '{sourceName}' is a corrupt {formatName}: {detail}. {CopyAgainFix}");
}
