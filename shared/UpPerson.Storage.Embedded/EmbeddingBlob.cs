using System.Buffers.Binary;

namespace UpPerson.Storage.Embedded;

/// <summary>Converts embeddings to and from the SQLite blob format: float32 values, little-endian, no header.</summary>
internal static class EmbeddingBlob
{
    public static byte[] Encode(float[] embedding)
    {
        var blob = new byte[embedding.Length * sizeof(float)];
        for (var i = 0; i < embedding.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(blob.AsSpan(i * sizeof(float)), embedding[i]);
        }

        return blob;
    }

    /// <summary>Decodes a blob, throwing <see cref="InvalidDataException"/> when its length does not match the collection.</summary>
    public static float[] Decode(byte[] blob, int dimensions, string sightingId, string modelId)
    {
        if (blob.Length != dimensions * sizeof(float))
        {
            throw new InvalidDataException(
                $"Stored embedding of sighting '{sightingId}' in collection '{modelId}' is {blob.Length} bytes, " +
                $"but {dimensions} float32 values take {dimensions * sizeof(float)} bytes. The database was modified outside " +
                "the store; restore it from a backup.");
        }

        var embedding = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            embedding[i] = BinaryPrimitives.ReadSingleLittleEndian(blob.AsSpan(i * sizeof(float)));
        }

        return embedding;
    }
}
