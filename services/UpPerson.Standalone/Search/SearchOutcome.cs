using UpPerson.Storage.Embedded;

namespace UpPerson.Standalone.Search;

/// <summary>A finished text search: what was asked, with which model, and the ranked hits.</summary>
public sealed record SearchOutcome(
    string Query,
    string ModelId,
    bool RandomInitModel,
    int TokenCount,
    IReadOnlyList<string> CameraFilter,
    DateTimeOffset? FromUtc,
    DateTimeOffset? ToUtc,
    IReadOnlyList<SightingSearchHit> Hits,
    TimeSpan Elapsed);
