namespace UpPerson.Datasets;

/// <summary>Plain arrays for one training step; the trainer wraps them in tensors.</summary>
/// <param name="Samples">The samples in batch order.</param>
/// <param name="Images">[batch, 3, ImageHeight, ImageWidth] normalised RGB floats, batch-major.</param>
/// <param name="TokenIds">[batch, ContextLength] token ids fed to the text encoder, masked when the builder has a masker.</param>
/// <param name="PersonIds">[batch] person ids; in the train split they are class indices for the ID loss.</param>
/// <param name="ImageHeight">Image height in pixels.</param>
/// <param name="ImageWidth">Image width in pixels.</param>
/// <param name="ContextLength">Tokens per caption.</param>
public sealed record TrainingBatch(
    IReadOnlyList<TrainingSample> Samples,
    float[] Images,
    long[] TokenIds,
    long[] PersonIds,
    int ImageHeight,
    int ImageWidth,
    int ContextLength)
{
    public int Count => Samples.Count;
}
