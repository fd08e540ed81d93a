namespace UpPerson.Datasets;

/// <summary>One annotated person image of a loaded dataset.</summary>
/// <param name="ImagePath">Absolute path of the image file, checked to exist when the dataset was loaded.</param>
/// <param name="PersonId">
/// Id the trainer uses. In the train split it is a class index in 0..K−1 for the optional ID loss.
/// In val and test it only has to match between captions and images.
/// </param>
/// <param name="OriginalPersonId">The person id exactly as the annotation file writes it.</param>
/// <param name="Captions">Descriptions in file order; odd ones are kept and reported as warnings.</param>
/// <param name="Split">Partition the record belongs to.</param>
/// <param name="RecordIndex">0-based position in the annotation file: the array index, or the line number minus one for JSON lines.</param>
public sealed record PersonImageRecord(
    string ImagePath,
    int PersonId,
    string OriginalPersonId,
    IReadOnlyList<string> Captions,
    DatasetSplit Split,
    int RecordIndex);
