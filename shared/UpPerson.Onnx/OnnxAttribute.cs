namespace UpPerson.Onnx;

/// <summary>
/// A named node attribute such as <c>axis</c>, <c>perm</c> or <c>epsilon</c>. Create one with the
/// static factories; the property that matches <see cref="Type"/> contains the value.
/// </summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public OnnxAttributeType Type { get; }

    public float FloatValue { get; private init; }

    public long IntValue { get; private init; }

    public string StringValue { get; private init; } = "";

    public OnnxTensor? TensorValue { get; private init; }

    public IReadOnlyList<float> FloatValues { get; private init; } = [];

    public IReadOnlyList<long> IntValues { get; private init; } = [];

    public static OnnxAttribute Float(string name, float value) =>
        new(name, OnnxAttributeType.Float) { FloatValue = value };

    public static OnnxAttribute Int(string name, long value) =>
        new(name, OnnxAttributeType.Int) { IntValue = value };

    public static OnnxAttribute String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, OnnxAttributeType.String) { StringValue = value };
    }

    public static OnnxAttribute Tensor(string name, OnnxTensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, OnnxAttributeType.Tensor) { TensorValue = value };
    }

    public static OnnxAttribute Floats(string name, params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(name, OnnxAttributeType.Floats) { FloatValues = (float[])values.Clone() };
    }

    public static OnnxAttribute Ints(string name, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(name, OnnxAttributeType.Ints) { IntValues = (long[])values.Clone() };
    }
}
