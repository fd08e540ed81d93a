namespace UpPerson.Onnx;

/// <summary>
/// Model-level fields of <c>ModelProto</c>. ONNX Runtime returns them through
/// <c>InferenceSession.ModelMetadata</c>: <see cref="DocString"/> as <c>Description</c>,
/// <see cref="ModelVersion"/> as <c>Version</c> and <see cref="Metadata"/> as <c>CustomMetadataMap</c>.
/// </summary>
public sealed record OnnxModelInfo
{
    /// <summary>The tool that wrote the model.</summary>
    public required string ProducerName { get; init; }

    public string ProducerVersion { get; init; } = "";

    /// <summary>Reverse-DNS namespace of the model, for example "org.upperson"; may be empty.</summary>
    public string Domain { get; init; } = "";

    public long ModelVersion { get; init; }

    public string DocString { get; init; } = "";

    /// <summary>Key/value pairs stored as <c>metadata_props</c>, written sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ProducerName, nameof(ProducerName));
        ArgumentNullException.ThrowIfNull(ProducerVersion, nameof(ProducerVersion));
        ArgumentNullException.ThrowIfNull(Domain, nameof(Domain));
        ArgumentNullException.ThrowIfNull(DocString, nameof(DocString));
        ArgumentNullException.ThrowIfNull(Metadata, nameof(Metadata));

        foreach ((string key, string value) in Metadata)
        {
            if (string.IsNullOrEmpty(key) || value is null)
            {
                throw new ArgumentException(
                    $"Metadata entry '{key}' = '{value}' is invalid: keys must be non-empty and values non-null.",
                    nameof(Metadata));
            }
        }
    }
}
