namespace UpPerson.Storage.Embedded;

/// <summary>Nearest-neighbour query against one model's collection, with optional camera and time filters.</summary>
public sealed record SightingSearchRequest
{
    /// <summary>Collection to search: the id of the model bundle whose text or image encoder produced <see cref="QueryVector"/>.</summary>
    public required string ModelId { get; init; }

    /// <summary>L2-normalised float32 query embedding with the collection's dimension count.</summary>
    public required float[] QueryVector { get; init; }

    /// <summary>Number of hits to return, from 1 to <see cref="EmbeddedSightingStore.MaxTopK"/>.</summary>
    public int TopK { get; init; } = 10;

    /// <summary>Cameras to search, or null for all cameras. An empty set is rejected.</summary>
    public IReadOnlyCollection<string>? CameraIds { get; init; }

    /// <summary>Inclusive lower bound on the sighting's stream time, or null for none.</summary>
    public DateTimeOffset? FromUtc { get; init; }

    /// <summary>Exclusive upper bound on the sighting's stream time, or null for none.</summary>
    public DateTimeOffset? ToUtc { get; init; }
}
