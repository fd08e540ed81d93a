namespace UpPerson.Datasets;

/// <summary>What the training transform did to one image, for logs and tests.</summary>
/// <param name="Flipped">True when the image was mirrored left to right.</param>
/// <param name="CropTop">Top of the crop in the padded image, 0 to twice the padding.</param>
/// <param name="CropLeft">Left of the crop in the padded image, 0 to twice the padding.</param>
/// <param name="Erased">The erased rectangle, or null when erasing was skipped or no rectangle fitted.</param>
public sealed record ImageAugmentation(bool Flipped, int CropTop, int CropLeft, ErasedRegion? Erased);
