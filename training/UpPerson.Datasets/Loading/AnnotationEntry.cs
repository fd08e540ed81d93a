namespace UpPerson.Datasets;

/// <summary>One record as read from an annotation file, before its split, image path and person id are resolved.</summary>
/// <param name="RecordIndex">0-based position: array index, or line number minus one for JSON lines.</param>
/// <param name="SplitName">Split as written, or null when the record has none.</param>
/// <param name="OriginalPersonId">Person id as written.</param>
/// <param name="NumericPersonId">The id as an integer for the public datasets; null for own footage, whose ids are remapped.</param>
/// <param name="ImagePath">Image path as written, relative to the image root or absolute.</param>
/// <param name="Captions">Captions in file order.</param>
internal sealed record AnnotationEntry(
    int RecordIndex,
    string? SplitName,
    string OriginalPersonId,
    long? NumericPersonId,
    string ImagePath,
    IReadOnlyList<string> Captions);
