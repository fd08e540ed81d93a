using UpPerson.Contracts;
using UpPerson.Inference;

namespace UpPerson.Ingest;

/// <summary>Embeds a batch of crops, stores their JPEGs and hands the sightings to the sink.</summary>
internal sealed class SightingBatchWriter(
    string cameraId,
    IImageEmbedder embedder,
    CropStore cropStore,
    ISightingSink sink)
{
    /// <summary>
    /// Writes the batch and returns the number of sightings the sink stored. Embedding observes
    /// <paramref name="embedToken"/>; once embeddings exist, saving them observes only
    /// <paramref name="writeToken"/>, so cancellation does not throw away finished work.
    /// </summary>
    public async Task<int> WriteAsync(
        IReadOnlyList<SelectedCrop> batch,
        CancellationToken embedToken,
        CancellationToken writeToken)
    {
        var images = new OpenCvSharp.Mat[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            images[i] = batch[i].Image;
        }

        var embeddings = embedder.EmbedImages(images, embedToken);
        CheckEmbeddings(embeddings, batch.Count);

        var sightings = new Sighting[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            writeToken.ThrowIfCancellationRequested();
            var crop = batch[i];
            var box = crop.Region.PersonBox;
            var id = SightingId.Create(cameraId, crop.TimestampUtc, box);
            var cropPath = cropStore.Save(crop.Image, cameraId, crop.TimestampUtc, id);
            sightings[i] = new Sighting(
                id,
                cameraId,
                crop.TimestampUtc,
                crop.FrameIndex,
                box,
                crop.TrackId,
                crop.Score,
                cropPath,
                embedder.ModelId,
                embeddings[i]);
        }

        await sink.WriteAsync(sightings, writeToken).ConfigureAwait(false);
        return sightings.Length;
    }

    private void CheckEmbeddings(IReadOnlyList<float[]> embeddings, int expectedCount)
    {
        if (embeddings.Count != expectedCount)
        {
            throw new InvalidOperationException(
                $"Image embedder of model '{embedder.ModelId}' returned {embeddings.Count} embeddings for " +
                $"{expectedCount} crops; it must return one per image.");
        }

        foreach (var embedding in embeddings)
        {
            if (embedding.Length != embedder.EmbeddingSize)
            {
                throw new InvalidOperationException(
                    $"Image embedder of model '{embedder.ModelId}' returned an embedding of length " +
                    $"{embedding.Length}, but declares EmbeddingSize {embedder.EmbeddingSize}.");
            }
        }
    }
}
