namespace UpPerson.Storage.Embedded;

/// <summary>Counts over the whole store, per camera and per collection.</summary>
/// <param name="TotalSightings">Distinct sighting ids stored.</param>
/// <param name="DistinctCameras">Number of cameras with at least one sighting.</param>
/// <param name="Cameras">One entry per camera, ordered by camera id (ordinal).</param>
/// <param name="Collections">One entry per model id, ordered by model id (ordinal).</param>
public sealed record SightingStoreStats(
    long TotalSightings,
    int DistinctCameras,
    IReadOnlyList<CameraSightingStats> Cameras,
    IReadOnlyList<CollectionStats> Collections);

/// <summary>Sightings of one camera and the stream-time span they cover.</summary>
public sealed record CameraSightingStats(
    string CameraId,
    long SightingCount,
    DateTimeOffset FirstSeenUtc,
    DateTimeOffset LastSeenUtc);

/// <summary>Embeddings stored for one model id.</summary>
public sealed record CollectionStats(string ModelId, int Dimensions, long EmbeddingCount);
