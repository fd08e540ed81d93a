namespace UpPerson.Inference;

/// <summary>L2 normalisation of raw encoder outputs, shared by the image and text encoders.</summary>
public static class EmbeddingNormalization
{
    /// <summary>Returns <paramref name="raw"/> scaled to unit Euclidean length.</summary>
    /// <param name="raw">One encoder output row.</param>
    /// <param name="description">Names the row in the error, for example "image 3 of the batch".</param>
    /// <exception cref="InvalidDataException">The row is all zeros or contains NaN or infinity.</exception>
    public static float[] ToUnitLength(ReadOnlySpan<float> raw, string description)
    {
        // Accumulate in double: 512 squares in float lose digits that the later cosine needs.
        var sumOfSquares = 0.0;
        foreach (var value in raw)
        {
            sumOfSquares += (double)value * value;
        }

        var norm = Math.Sqrt(sumOfSquares);
        if (!double.IsFinite(norm) || norm == 0)
        {
            throw new InvalidDataException(
                $"The encoder returned a {(norm == 0 ? "zero" : "non-finite")} vector for {description}, which cannot be normalised. "
                + "The model bundle's weights are broken; re-export it with 'upperson-train export'.");
        }

        var unit = new float[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            unit[i] = (float)(raw[i] / norm);
        }

        return unit;
    }
}
