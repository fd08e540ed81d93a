namespace UpPerson.Storage.Embedded;

/// <summary>A row of the <c>collections</c> table: one model id and its last saved index file.</summary>
internal sealed record CollectionRecord(string ModelId, int Dimensions, long IndexWatermark, string? IndexSha256);

/// <summary>An embedding as stored in a vector index: the USearch key, the vector and the write that stored it.</summary>
internal readonly record struct IndexedEmbedding(ulong Key, float[] Vector, long WriteSeq);

/// <summary>An embedding committed by a write batch, to be applied to its collection's in-memory index.</summary>
internal readonly record struct CommittedEmbedding(string ModelId, ulong Key, float[] Vector);

/// <summary>A candidate of an exact scan.</summary>
internal readonly record struct ScoredKey(ulong Key, string SightingId, double Score);

/// <summary>A collection that a write batch creates: the model id and the size of its embeddings.</summary>
internal readonly record struct NewCollection(string ModelId, int Dimensions);
