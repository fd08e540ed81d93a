namespace UpPerson.Onnx;

// Neural-network layers and reductions.
public sealed partial class OnnxGraphBuilder
{
    public string Softmax(string x, long axis = -1) => AddNode("Softmax", [x], OnnxAttribute.Int("axis", axis));

    /// <summary>
    /// Normalizes over the dims from <paramref name="axis"/> to the last, then applies
    /// <paramref name="scale"/> and <paramref name="bias"/>. Needs opset 17 or later.
    /// </summary>
    public string LayerNormalization(string x, string scale, string bias, float epsilon = 1e-5f, long axis = -1)
    {
        if (OpsetVersion < 17)
        {
            throw new NotSupportedException(
                $"LayerNormalization needs opset 17 or later, but graph '{GraphName}' uses opset {OpsetVersion}. Build the graph with opset 17 or later.");
        }

        return AddNode(
            "LayerNormalization",
            [x, scale, bias],
            OnnxAttribute.Float("epsilon", epsilon),
            OnnxAttribute.Int("axis", axis));
    }

    /// <summary>
    /// Convolution without padding, as in a ViT patch embedding. <paramref name="weight"/> is
    /// [out_channels, in_channels, kernel...]; <paramref name="bias"/> may be null.
    /// </summary>
    public string Conv(string x, string weight, string? bias, long[] kernelShape, long[] strides)
    {
        ArgumentNullException.ThrowIfNull(kernelShape);
        ArgumentNullException.ThrowIfNull(strides);
        if (kernelShape.Length != strides.Length)
        {
            throw new ArgumentException(
                $"Conv kernel shape [{string.Join(", ", kernelShape)}] and strides [{string.Join(", ", strides)}] differ in rank. " +
                "Give one stride per spatial dim.");
        }

        string[] inputs = bias is null ? [x, weight] : [x, weight, bias];
        return AddNode(
            "Conv",
            inputs,
            OnnxAttribute.Ints("kernel_shape", kernelShape),
            OnnxAttribute.Ints("strides", strides));
    }

    /// <summary>Returns the int64 index of the first maximum along <paramref name="axis"/>.</summary>
    public string ArgMax(string x, long axis, bool keepDims = true) =>
        AddNode("ArgMax", [x], OnnxAttribute.Int("axis", axis), OnnxAttribute.Int("keepdims", keepDims ? 1 : 0));

    /// <summary>Euclidean norm over <paramref name="axes"/>.</summary>
    public string ReduceL2(string x, long[] axes, bool keepDims = true)
    {
        ArgumentNullException.ThrowIfNull(axes);
        OnnxAttribute keepDimsAttribute = OnnxAttribute.Int("keepdims", keepDims ? 1 : 0);

        // Opset 18 moved the reduction axes from an attribute to an input.
        return OpsetVersion >= 18
            ? AddNode("ReduceL2", [x, Constant(axes)], keepDimsAttribute)
            : AddNode("ReduceL2", [x], OnnxAttribute.Ints("axes", axes), keepDimsAttribute);
    }

    /// <summary>
    /// Divides <paramref name="x"/> by its L2 norm along <paramref name="axis"/>, with the norm
    /// clamped to at least <paramref name="epsilon"/> so that zero vectors stay zero.
    /// </summary>
    public string L2Normalize(string x, long axis = -1, float epsilon = 1e-12f)
    {
        string norm = ReduceL2(x, [axis], keepDims: true);
        return Div(x, Max(norm, Constant(epsilon)));
    }
}
