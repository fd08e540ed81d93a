using UpPerson.Contracts;

namespace UpPerson.Storage.Embedded;

/// <summary>One search result: the stored sighting with the searched model's embedding, and its score.</summary>
/// <param name="Sighting">Stored sighting, whose <see cref="Sighting.ModelId"/> is the searched collection.</param>
/// <param name="Score">Cosine similarity between the query and the sighting's embedding, in [-1, 1]. Higher is closer.</param>
public sealed record SightingSearchHit(Sighting Sighting, double Score);
