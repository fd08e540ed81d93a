using UpPerson.Contracts;

namespace UpPerson.Inference;

/// <summary>Checks a parsed manifest's values and returns every problem, each prefixed with <c>model.json</c>.</summary>
internal static class ModelManifestValidator
{
    private static readonly string[] Precisions = ["fp32", "fp16"];

    public static List<string> Validate(ModelManifest manifest)
    {
        var problems = new List<string>();
        void Report(string problem) => problems.Add($"{ModelManifest.FileName}: {problem}");

        RequireText(manifest.ModelId, "modelId", Report);
        RequireText(manifest.Version, "version", Report);
        RequireText(manifest.Architecture, "architecture", Report);
        RequirePositive(manifest.EmbeddingSize, "embeddingSize", Report);
        if (!Precisions.Contains(manifest.Precision))
        {
            Report($"precision is '{manifest.Precision}'; expected one of {string.Join(", ", Precisions)}.");
        }

        ValidateImage(manifest.Image, Report);
        ValidateText(manifest.Text, Report);
        ValidateFiles(manifest, Report);
        return problems;
    }

    private static void ValidateImage(ImageEncoderSpec image, Action<string> report)
    {
        RequirePositive(image.Height, "image.height", report);
        RequirePositive(image.Width, "image.width", report);
        ValidateChannelValues(image.Mean, "image.mean", mustBePositive: false, report);
        ValidateChannelValues(image.Std, "image.std", mustBePositive: true, report);
        RequireText(image.OnnxFile, "image.onnxFile", report);
        RequireText(image.InputName, "image.inputName", report);
        RequireText(image.OutputName, "image.outputName", report);
    }

    private static void ValidateText(TextEncoderSpec text, Action<string> report)
    {
        RequirePositive(text.ContextLength, "text.contextLength", report);
        RequirePositive(text.VocabSize, "text.vocabSize", report);
        RequireText(text.TokenizerFile, "text.tokenizerFile", report);
        RequireText(text.OnnxFile, "text.onnxFile", report);
        RequireText(text.InputName, "text.inputName", report);
        RequireText(text.OutputName, "text.outputName", report);
        RequireTokenId(text.StartOfTextId, "text.startOfTextId", text.VocabSize, report);
        RequireTokenId(text.EndOfTextId, "text.endOfTextId", text.VocabSize, report);
        RequireTokenId(text.PadId, "text.padId", text.VocabSize, report);
    }

    private static void ValidateFiles(ModelManifest manifest, Action<string> report)
    {
        if (manifest.Files.Count == 0)
        {
            report("files is empty; it must list every bundle file with its SHA-256.");
        }

        foreach (var (name, sha256) in manifest.Files)
        {
            if (!IsPlainRelativePath(name))
            {
                report($"files entry '{name}' is not a relative path inside the bundle (no rooted paths, '..', backslashes or '{ModelManifest.FileName}').");
            }

            if (!IsSha256Hex(sha256))
            {
                report($"files entry '{name}' has SHA-256 '{sha256}'; expected 64 hexadecimal digits.");
            }
        }

        RequireListed(manifest.Image.OnnxFile, "image.onnxFile", manifest.Files, report);
        RequireListed(manifest.Text.OnnxFile, "text.onnxFile", manifest.Files, report);
        RequireListed(manifest.Text.TokenizerFile, "text.tokenizerFile", manifest.Files, report);
    }

    public static bool IsPlainRelativePath(string name) =>
        !string.IsNullOrWhiteSpace(name)
        && !Path.IsPathRooted(name)
        && !name.Contains('\\')
        && !name.Split('/').Any(segment => segment is "" or "." or "..")
        && name != ModelManifest.FileName;

    public static bool IsSha256Hex(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);

    private static void RequireListed(string fileName, string field, IReadOnlyDictionary<string, string> files, Action<string> report)
    {
        if (!string.IsNullOrWhiteSpace(fileName) && !files.ContainsKey(fileName))
        {
            report($"{field} names '{fileName}', which is not listed in files, so its SHA-256 cannot be checked.");
        }
    }

    private static void ValidateChannelValues(float[] values, string field, bool mustBePositive, Action<string> report)
    {
        if (values.Length != 3)
        {
            report($"{field} has {values.Length} values; expected 3 (R, G, B).");
            return;
        }

        if (values.Any(value => !float.IsFinite(value) || (mustBePositive && value <= 0)))
        {
            var requirement = mustBePositive ? "positive and finite" : "finite";
            report($"{field} is [{string.Join(", ", values)}]; every value must be {requirement}.");
        }
    }

    private static void RequireText(string value, string field, Action<string> report)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            report($"{field} is empty.");
        }
    }

    private static void RequirePositive(int value, string field, Action<string> report)
    {
        if (value <= 0)
        {
            report($"{field} is {value}; it must be positive.");
        }
    }

    private static void RequireTokenId(int id, string field, int vocabSize, Action<string> report)
    {
        if (id < 0 || (vocabSize > 0 && id >= vocabSize))
        {
            report($"{field} is {id}; it must lie in [0, text.vocabSize = {vocabSize}).");
        }
    }
}
