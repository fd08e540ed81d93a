namespace UpPerson.Onnx.Tests.Support;

/// <summary>
/// Plain loops that serve as the reference for graph outputs, plus seeded test data.
/// </summary>
internal static class Naive
{
    /// <summary>Returns [rows, columns] = a [rows, inner] x b [inner, columns] + bias [columns], accumulated in double.</summary>
    public static float[] Linear(float[] a, float[] b, float[]? bias, int rows, int inner, int columns)
    {
        var result = new float[rows * columns];
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < columns; column++)
            {
                double sum = bias?[column] ?? 0;
                for (int k = 0; k < inner; k++)
                {
                    sum += (double)a[row * inner + k] * b[k * columns + column];
                }

                result[row * columns + column] = (float)sum;
            }
        }

        return result;
    }

    public static float[] Relu(float[] values) => values.Select(value => Math.Max(value, 0f)).ToArray();

    /// <summary>Returns values drawn uniformly from [-scale, scale) by a seeded generator.</summary>
    public static float[] RandomValues(int count, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (random.NextSingle() * 2f - 1f) * scale).ToArray();
    }
}
