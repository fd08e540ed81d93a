namespace UpPerson.Storage.Embedded;

/// <summary>Cosine similarity accumulated in double precision, so exact scans and re-scored ANN hits agree.</summary>
internal static class CosineSimilarity
{
    public static double Compute(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        if (normA == 0 || normB == 0)
        {
            return 0;
        }

        return dot / Math.Sqrt(normA * normB);
    }

    public static double L2Norm(ReadOnlySpan<float> vector)
    {
        double sum = 0;
        foreach (var value in vector)
        {
            sum += (double)value * value;
        }

        return Math.Sqrt(sum);
    }
}
