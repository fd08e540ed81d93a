namespace UpPerson.Onnx;

// Ops that move, select or reshape data without arithmetic.
public sealed partial class OnnxGraphBuilder
{
    /// <summary>Reshapes to a constant shape; 0 copies the input dim and -1 is inferred.</summary>
    public string Reshape(string x, params long[] shape) => Reshape(x, Constant(shape));

    /// <summary>Reshapes to the shape held by the 1-D int64 value <paramref name="shape"/>.</summary>
    public string Reshape(string x, string shape) => AddNode("Reshape", [x, shape]);

    public string Transpose(string x, params long[] perm) => AddNode("Transpose", [x], OnnxAttribute.Ints("perm", perm));

    public string Concat(IReadOnlyList<string> inputs, long axis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("Concat needs at least one input.", nameof(inputs));
        }

        return AddNode("Concat", inputs, OnnxAttribute.Int("axis", axis));
    }

    /// <summary>Takes the entries of <paramref name="data"/> along <paramref name="axis"/> at int64 <paramref name="indices"/>.</summary>
    public string Gather(string data, string indices, long axis = 0) =>
        AddNode("Gather", [data, indices], OnnxAttribute.Int("axis", axis));

    /// <summary>
    /// Gathers slices of <paramref name="data"/> addressed by the last dim of <paramref name="indices"/>;
    /// the first <paramref name="batchDims"/> dims are shared batch dims.
    /// </summary>
    public string GatherND(string data, string indices, long batchDims = 0) =>
        AddNode("GatherND", [data, indices], OnnxAttribute.Int("batch_dims", batchDims));

    /// <summary>Returns the shape of <paramref name="x"/> as a 1-D int64 value.</summary>
    public string Shape(string x) => AddNode("Shape", [x]);

    /// <summary>Broadcasts <paramref name="x"/> to a constant shape.</summary>
    public string Expand(string x, params long[] shape) => Expand(x, Constant(shape));

    /// <summary>Broadcasts <paramref name="x"/> to the shape held by the 1-D int64 value <paramref name="shape"/>.</summary>
    public string Expand(string x, string shape) => AddNode("Expand", [x, shape]);

    /// <summary>
    /// Slices with constant bounds; <paramref name="axes"/> defaults to the leading axes and
    /// <paramref name="steps"/> to 1.
    /// </summary>
    public string Slice(string x, long[] starts, long[] ends, long[]? axes = null, long[]? steps = null)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(ends);
        if (starts.Length != ends.Length || (axes is not null && axes.Length != starts.Length) || (steps is not null && steps.Length != starts.Length))
        {
            throw new ArgumentException(
                $"Slice bounds differ in length: starts {starts.Length}, ends {ends.Length}, axes {axes?.Length}, steps {steps?.Length}. " +
                "Give one entry per sliced axis in each.");
        }

        return Slice(x, Constant(starts), Constant(ends), axes is null ? null : Constant(axes), steps is null ? null : Constant(steps));
    }

    /// <summary>Slices with bounds held by 1-D int64 values, for lengths known only at run time.</summary>
    public string Slice(string x, string starts, string ends, string? axes = null, string? steps = null)
    {
        // Trailing omitted optional inputs are left out; an omitted input before a given one is "".
        List<string> inputs = [x, starts, ends];
        if (axes is not null || steps is not null)
        {
            inputs.Add(axes ?? "");
        }

        if (steps is not null)
        {
            inputs.Add(steps);
        }

        return AddNode("Slice", inputs);
    }

    /// <summary>Inserts size-1 dims at <paramref name="axes"/>, given as an input since opset 13.</summary>
    public string Unsqueeze(string x, params long[] axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length == 0)
        {
            throw new ArgumentException("Unsqueeze needs at least one axis.", nameof(axes));
        }

        return AddNode("Unsqueeze", [x, Constant(axes)]);
    }

    /// <summary>Removes size-1 dims at <paramref name="axes"/>, or every size-1 dim when no axes are given.</summary>
    public string Squeeze(string x, params long[] axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return axes.Length == 0 ? AddNode("Squeeze", [x]) : AddNode("Squeeze", [x, Constant(axes)]);
    }
}
