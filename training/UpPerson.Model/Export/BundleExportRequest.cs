namespace UpPerson.Model.Export;

/// <summary>What <see cref="ModelBundleWriter"/> needs besides the model.</summary>
/// <param name="OutputDirectory">Bundle folder; an existing bundle there is replaced as a whole.</param>
/// <param name="Precision">Weight storage of the ONNX graphs.</param>
/// <param name="Version">Human-readable version label.</param>
/// <param name="RandomInit">True when the backbone has random weights.</param>
/// <param name="Source">Where the weights came from.</param>
/// <param name="BaseWeightsSha256">Content hash of the frozen backbone.</param>
/// <param name="Seed">Seed of a random initialisation.</param>
/// <param name="Preset">Preset name recorded with the PETL configuration.</param>
public sealed record BundleExportRequest(
    string OutputDirectory,
    ExportPrecision Precision,
    string Version,
    bool RandomInit,
    string Source,
    string? BaseWeightsSha256,
    long? Seed,
    string Preset);
