namespace UpPerson.Contracts;

/// <summary>
/// One kept person crop: where and when it was seen, and its embedding under one model.
/// </summary>
/// <param name="Id">Deterministic id from <see cref="SightingId.Create"/>, so replays are idempotent.</param>
/// <param name="CameraId">Operator-assigned camera name.</param>
/// <param name="TimestampUtc">Stream time of the frame, in UTC.</param>
/// <param name="FrameIndex">Zero-based index of the frame in its stream.</param>
/// <param name="Box">Person box in frame pixels, already clamped to the frame.</param>
/// <param name="TrackId">Track the crop belongs to within this camera; -1 when not tracked.</param>
/// <param name="DetectionScore">Detector confidence (detector-specific scale).</param>
/// <param name="CropPath">Where the JPEG crop is stored, relative to the crop store root.</param>
/// <param name="ModelId">Id of the model bundle that produced <paramref name="Embedding"/>.</param>
/// <param name="Embedding">L2-normalised float32 image embedding.</param>
public sealed record Sighting(
    string Id,
    string CameraId,
    DateTimeOffset TimestampUtc,
    long FrameIndex,
    BoundingBox Box,
    long TrackId,
    float DetectionScore,
    string CropPath,
    string ModelId,
    float[] Embedding)
{
    /// <summary>Version of this record's schema; bump it when a field changes meaning.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
}
