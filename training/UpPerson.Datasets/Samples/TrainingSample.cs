namespace UpPerson.Datasets;

/// <summary>One training pair: an image record and one of its captions.</summary>
/// <param name="ImageIndex">Index into the split's record list.</param>
/// <param name="CaptionIndex">Index into that record's captions.</param>
public readonly record struct TrainingSample(int ImageIndex, int CaptionIndex);
