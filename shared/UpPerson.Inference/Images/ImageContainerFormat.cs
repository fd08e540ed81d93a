namespace UpPerson.Inference;

/// <summary>Encoded image formats that <see cref="ImageDecoder"/> accepts, recognised by their leading bytes.</summary>
public enum ImageContainerFormat
{
    Jpeg,
    Png,
    Bmp,
    WebP,
}
