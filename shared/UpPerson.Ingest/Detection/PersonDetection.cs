using UpPerson.Contracts;

namespace UpPerson.Ingest;

/// <summary>A person box in frame pixels and the detector's confidence in it.</summary>
/// <param name="Box">Box inside the frame.</param>
/// <param name="Score">Detector-specific confidence; for HOG, the SVM margin of the grouped window (higher is surer).</param>
public readonly record struct PersonDetection(BoundingBox Box, float Score);
