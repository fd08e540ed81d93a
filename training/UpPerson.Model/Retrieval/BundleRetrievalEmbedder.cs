using OpenCvSharp;
using UpPerson.Datasets;
using UpPerson.Inference;

namespace UpPerson.Model.Retrieval;

/// <summary>Embeds evaluation inputs with an exported bundle through ONNX Runtime, as the services do.</summary>
public sealed class BundleRetrievalEmbedder(OnnxImageEncoder imageEncoder, OnnxTextEncoder textEncoder, int batchSize) : IRetrievalEmbedder
{
    private readonly ImageDecoder _decoder = new();

    public float[][] EmbedImages(IReadOnlyList<PersonImageRecord> records, CancellationToken cancellationToken)
    {
        var result = new List<float[]>(records.Count);
        for (var start = 0; start < records.Count; start += batchSize)
        {
            var images = new List<Mat>();
            try
            {
                foreach (var record in records.Skip(start).Take(batchSize))
                {
                    images.Add(_decoder.DecodeFile(record.ImagePath));
                }

                result.AddRange(imageEncoder.EmbedImages(images, cancellationToken));
            }
            finally
            {
                foreach (var image in images)
                {
                    image.Dispose();
                }
            }
        }

        return [.. result];
    }

    public float[][] EmbedCaptions(IReadOnlyList<string> captions, CancellationToken cancellationToken) =>
        [.. textEncoder.EmbedTexts(captions, cancellationToken)];
}
