namespace UpPerson.Inference;

/// <summary>Format and stored dimensions read from an image's container before any pixel is decoded.</summary>
internal readonly record struct ImageHeader(ImageContainerFormat Format, long Width, long Height);
