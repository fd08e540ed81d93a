namespace UpPerson.Onnx.Tests.Support;

/// <summary>
/// Element-wise comparisons that report the first index that differs.
/// </summary>
internal static class AssertTensor
{
    public static void Close(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs((double)expected[i] - actual[i]);
            Assert.True(
                difference <= tolerance,
                $"Element {i}: expected {expected[i]}, actual {actual[i]}, difference {difference} exceeds tolerance {tolerance}.");
        }
    }
}
