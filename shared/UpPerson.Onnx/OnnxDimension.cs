namespace UpPerson.Onnx;

/// <summary>
/// One dimension of a graph input or output shape: a fixed size, a symbolic name such as
/// "batch" that ONNX Runtime binds at run time, or (the default value) an unknown size.
/// </summary>
/// <remarks>
/// Integers and strings convert implicitly, so a shape can be written as
/// <c>AddInput("pixel_values", OnnxElementType.Float, "batch", 3, 224, 224)</c>.
/// </remarks>
public readonly record struct OnnxDimension
{
    private OnnxDimension(long? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null for a symbolic or unknown dimension.</summary>
    public long? Size { get; }

    /// <summary>The symbolic name, or null for a fixed or unknown dimension.</summary>
    public string? Symbol { get; }

    public static OnnxDimension Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new OnnxDimension(size, null);
    }

    public static OnnxDimension Symbolic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new OnnxDimension(null, name);
    }

    public static implicit operator OnnxDimension(long size) => Fixed(size);

    public static implicit operator OnnxDimension(string name) => Symbolic(name);

    public override string ToString() => Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}
