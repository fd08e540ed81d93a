namespace UpPerson.Onnx;

/// <summary>
/// A dense tensor value for an initializer or a tensor attribute, stored in the model as
/// little-endian <c>raw_data</c>.
/// </summary>
/// <remarks>
/// The tensor keeps a reference to the caller's array instead of a copy, so that a model's
/// weights are not held twice in memory while it is written. Do not change the array until the
/// model has been saved.
/// </remarks>
public sealed class OnnxTensor
{
    private readonly long[] _dims;

    private OnnxTensor(Array data, OnnxElementType elementType, long[] dims)
    {
        Data = data;
        ElementType = elementType;
        _dims = dims;
    }

    public OnnxElementType ElementType { get; }

    /// <summary>The shape; empty for a scalar.</summary>
    public IReadOnlyList<long> Dims => _dims;

    public long ElementCount => Data.LongLength;

    /// <summary>Size of the <c>raw_data</c> payload in bytes.</summary>
    public long ByteCount => ElementCount * ElementType.ByteSize();

    /// <summary>The caller's array: float[], Half[], long[], int[] or bool[].</summary>
    internal Array Data { get; }

    /// <param name="dims">The shape, whose product must equal <c>data.Length</c>; no dims means a scalar.</param>
    public static OnnxTensor Create(float[] data, params long[] dims) => Create(data, OnnxElementType.Float, dims);

    /// <inheritdoc cref="Create(float[], long[])"/>
    public static OnnxTensor Create(Half[] data, params long[] dims) => Create(data, OnnxElementType.Float16, dims);

    /// <inheritdoc cref="Create(float[], long[])"/>
    public static OnnxTensor Create(long[] data, params long[] dims) => Create(data, OnnxElementType.Int64, dims);

    /// <inheritdoc cref="Create(float[], long[])"/>
    public static OnnxTensor Create(int[] data, params long[] dims) => Create(data, OnnxElementType.Int32, dims);

    /// <inheritdoc cref="Create(float[], long[])"/>
    public static OnnxTensor Create(bool[] data, params long[] dims) => Create(data, OnnxElementType.Bool, dims);

    private static OnnxTensor Create(Array data, OnnxElementType elementType, long[] dims)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dims);

        long product = 1;
        foreach (long dim in dims)
        {
            if (dim < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(dims),
                    $"Tensor dims [{string.Join(", ", dims)}] contain a negative size. Every dim must be 0 or more.");
            }

            // Saturate instead of overflowing, so that absurd dims still produce the mismatch error below.
            product = product > long.MaxValue / Math.Max(dim, 1) ? long.MaxValue : product * dim;
        }

        if (product != data.LongLength)
        {
            throw new ArgumentException(
                $"Tensor dims [{string.Join(", ", dims)}] hold {product} elements but the data array has {data.LongLength}. " +
                "Pass dims whose product equals the data length; no dims means a scalar of one element.",
                nameof(dims));
        }

        return new OnnxTensor(data, elementType, (long[])dims.Clone());
    }
}
