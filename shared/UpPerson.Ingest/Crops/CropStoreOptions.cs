namespace UpPerson.Ingest;

/// <summary>Where and how crop images are written.</summary>
public sealed class CropStoreOptions
{
    /// <summary>Folder that contains every crop; sightings store paths relative to it.</summary>
    public string RootDirectory { get; set; } = string.Empty;

    /// <summary>JPEG quality from 1 (smallest files) to 100 (best images).</summary>
    public int JpegQuality { get; set; } = 90;

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new OptionErrors(nameof(CropStoreOptions));
        if (string.IsNullOrWhiteSpace(RootDirectory))
        {
            errors.Add($"{nameof(RootDirectory)} must name a folder, got '{RootDirectory}'");
        }

        if (JpegQuality is < 1 or > 100)
        {
            errors.Add($"{nameof(JpegQuality)} must be between 1 and 100, got {JpegQuality}");
        }

        errors.ThrowIfAny();
    }
}
