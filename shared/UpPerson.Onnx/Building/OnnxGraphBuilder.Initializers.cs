using System.Globalization;
using System.Runtime.InteropServices;

namespace UpPerson.Onnx;

public sealed partial class OnnxGraphBuilder
{
    // Constants up to this size are shared between identical requests; larger ones are not worth hashing.
    private const int MaxDedupedConstantBytes = 1024;

    private readonly Dictionary<string, string> _constantsByContent = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a named initializer (a weight) and returns its full name, prefixed with the open scopes.
    /// The builder keeps a reference to <paramref name="data"/> instead of a copy, so do not change
    /// the array before the model is saved.
    /// </summary>
    /// <param name="dims">The shape, whose product must equal <c>data.Length</c>; no dims means a scalar.</param>
    public string AddInitializer(string name, float[] data, params long[] dims) => AddInitializer(name, OnnxTensor.Create(data, dims));

    /// <inheritdoc cref="AddInitializer(string, float[], long[])"/>
    public string AddInitializer(string name, Half[] data, params long[] dims) => AddInitializer(name, OnnxTensor.Create(data, dims));

    /// <inheritdoc cref="AddInitializer(string, float[], long[])"/>
    public string AddInitializer(string name, long[] data, params long[] dims) => AddInitializer(name, OnnxTensor.Create(data, dims));

    /// <inheritdoc cref="AddInitializer(string, float[], long[])"/>
    public string AddInitializer(string name, int[] data, params long[] dims) => AddInitializer(name, OnnxTensor.Create(data, dims));

    /// <inheritdoc cref="AddInitializer(string, float[], long[])"/>
    public string AddInitializer(string name, bool[] data, params long[] dims) => AddInitializer(name, OnnxTensor.Create(data, dims));

    /// <summary>
    /// Adds a named initializer and returns its full name, prefixed with the open scopes.
    /// </summary>
    public string AddInitializer(string name, OnnxTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);

        string fullName = QualifyName(name);
        RegisterValue(fullName, "an initializer");
        _initializers.Add(new OnnxInitializer(fullName, tensor));
        return fullName;
    }

    /// <summary>Returns a float32 scalar constant; identical constants share one initializer.</summary>
    public string Constant(float value) => AddConstant(OnnxTensor.Create(new float[] { value }), "f32", $"({Format(value)})");

    /// <summary>Returns a float16 scalar constant; identical constants share one initializer.</summary>
    public string Constant(Half value) => AddConstant(OnnxTensor.Create(new Half[] { value }), "f16", $"({Format((float)value)})");

    /// <summary>
    /// Returns an int64 scalar constant; identical constants share one initializer.
    /// An integer literal picks this overload, so write <c>2f</c> for a float.
    /// </summary>
    public string Constant(long value) => AddConstant(OnnxTensor.Create(new long[] { value }), "i64", $"({Format(value)})");

    /// <summary>Returns a 1-D float32 constant holding a copy of <paramref name="values"/>.</summary>
    public string Constant(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        float[] copy = (float[])values.Clone();
        return AddConstant(OnnxTensor.Create(copy, copy.Length), "f32", FormatList(copy.Select(Format)));
    }

    /// <summary>Returns a 1-D int64 constant holding a copy of <paramref name="values"/>, such as a shape or axes.</summary>
    public string Constant(long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long[] copy = (long[])values.Clone();
        return AddConstant(OnnxTensor.Create(copy, copy.Length), "i64", FormatList(copy.Select(Format)));
    }

    /// <summary>
    /// Adds a constant initializer at graph level (outside any scope) named after its type and
    /// values, such as <c>const_i64[0,0,-1]</c>, or returns the existing one with the same content.
    /// </summary>
    private string AddConstant(OnnxTensor tensor, string typeTag, string valueText)
    {
        string? contentKey = tensor.ByteCount <= MaxDedupedConstantBytes ? ContentKey(tensor) : null;
        if (contentKey is not null && _constantsByContent.TryGetValue(contentKey, out string? existing))
        {
            return existing;
        }

        string baseName = $"const_{typeTag}{valueText}";
        string name = baseName;
        for (int suffix = 1; _valueOrigins.ContainsKey(name); suffix++)
        {
            name = $"{baseName}_{suffix}";
        }

        RegisterValue(name, "a constant");
        _initializers.Add(new OnnxInitializer(name, tensor));
        if (contentKey is not null)
        {
            _constantsByContent[contentKey] = name;
        }

        return name;
    }

    private static string ContentKey(OnnxTensor tensor)
    {
        ReadOnlySpan<byte> bytes = tensor.Data switch
        {
            float[] values => MemoryMarshal.AsBytes(values.AsSpan()),
            Half[] values => MemoryMarshal.AsBytes(values.AsSpan()),
            long[] values => MemoryMarshal.AsBytes(values.AsSpan()),
            _ => throw new NotSupportedException($"Constants of type {tensor.ElementType} are not supported."),
        };

        return $"{tensor.ElementType}|{string.Join(',', tensor.Dims)}|{Convert.ToHexString(bytes)}";
    }

    private static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Long lists would make unreadable names, so only their length is shown.
    private static string FormatList(IEnumerable<string> items)
    {
        string[] texts = items.ToArray();
        return texts.Length <= 8 ? $"[{string.Join(',', texts)}]" : $"_len{texts.Length}";
    }
}
