namespace UpPerson.Ingest;

/// <summary>What <see cref="CropSelector"/> did with the frames it was given.</summary>
/// <param name="FramesAnalyzed">Frames passed to the detector.</param>
/// <param name="Detections">Boxes the detector returned.</param>
/// <param name="DroppedTooSmall">Boxes dropped because they were too small after clamping to the frame.</param>
/// <param name="TracksStarted">Tracks started by the tracker.</param>
/// <param name="Keep">Keep decisions on the boxes that were tracked.</param>
public readonly record struct SelectionCounts(
    long FramesAnalyzed,
    long Detections,
    long DroppedTooSmall,
    long TracksStarted,
    KeepCounts Keep);
