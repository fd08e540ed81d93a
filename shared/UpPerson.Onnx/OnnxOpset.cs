namespace UpPerson.Onnx;

/// <summary>
/// Operator set versions of the default ONNX domain that the graph builder supports, and the IR
/// version written for each.
/// </summary>
public static class OnnxOpset
{
    /// <summary>Opset 13 is the first with Unsqueeze and Squeeze axes as inputs, which the helpers use.</summary>
    public const int MinSupported = 13;

    /// <summary>The newest opset whose changes to the helper ops are handled (ReduceL2 takes axes as an input from 18).</summary>
    public const int MaxSupported = 21;

    public const int Default = 17;

    /// <summary>
    /// Returns the IR version to write: 8 up to opset 18, 9 for opsets 19 and 20, 10 for opset 21,
    /// the IR versions that the ONNX releases introducing those opsets define.
    /// </summary>
    public static long IrVersionFor(int opsetVersion)
    {
        EnsureSupported(opsetVersion, nameof(opsetVersion));
        return opsetVersion switch
        {
            <= 18 => 8,
            <= 20 => 9,
            _ => 10,
        };
    }

    internal static void EnsureSupported(int opsetVersion, string parameterName)
    {
        if (opsetVersion is < MinSupported or > MaxSupported)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                opsetVersion,
                $"Opset {opsetVersion} is not supported; use an opset from {MinSupported} to {MaxSupported} (default {Default}).");
        }
    }
}
