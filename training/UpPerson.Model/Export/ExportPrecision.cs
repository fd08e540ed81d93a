namespace UpPerson.Model.Export;

/// <summary>How an exported graph stores its weight matrices.</summary>
public enum ExportPrecision
{
    /// <summary>float32 weights and arithmetic.</summary>
    Fp32,

    /// <summary>
    /// float16 weight matrices and embeddings (half the file size), cast to float32 inside the graph;
    /// LayerNorm parameters, biases and scalars stay float32.
    /// </summary>
    Fp16,
}
