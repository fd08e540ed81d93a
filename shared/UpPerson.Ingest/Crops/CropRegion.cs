using UpPerson.Contracts;

namespace UpPerson.Ingest;

/// <summary>Where a detected person is and which pixels its crop takes, both inside the frame.</summary>
/// <param name="PersonBox">Detector box clamped to the frame; sightings store this box.</param>
/// <param name="CropBox">Person box grown by the margin and clamped again; the crop image covers it.</param>
public readonly record struct CropRegion(BoundingBox PersonBox, BoundingBox CropBox);
