namespace UpPerson.Evaluation;

/// <summary>Which modality queries and which one forms the gallery.</summary>
public enum RetrievalDirection
{
    /// <summary>Captions are the queries and person images the gallery, as in the published results.</summary>
    TextToImage,

    /// <summary>Images are the queries and captions the gallery.</summary>
    ImageToText,
}

internal static class RetrievalDirectionNames
{
    public static string QueryKind(this RetrievalDirection direction) =>
        direction == RetrievalDirection.TextToImage ? "text" : "image";

    public static string GalleryKind(this RetrievalDirection direction) =>
        direction == RetrievalDirection.TextToImage ? "image" : "text";
}
