using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace UpPerson.Inference;

/// <summary>
/// Compares an image encoder session's declared input and output with the bundle manifest, so a
/// mismatched export fails at load with every difference listed instead of at the first batch.
/// </summary>
internal static class ImageEncoderGraphCheck
{
    /// <summary>Throws <see cref="ModelBundleException"/> on a mismatch; returns the graph's fixed batch size, or null when it is dynamic.</summary>
    public static int? Verify(InferenceSession session, ModelBundle bundle)
    {
        int? fixedBatchSize = null;
        var spec = bundle.Manifest.Image;
        var problems = new List<string>();

        if (!session.InputMetadata.TryGetValue(spec.InputName, out var input))
        {
            problems.Add($"model.json names input '{spec.InputName}', but the graph's inputs are: {string.Join(", ", session.InputMetadata.Keys)}.");
        }
        else
        {
            CheckTensor(input, $"input '{spec.InputName}'", [-1, 3, spec.Height, spec.Width], "[batch, 3, height, width]", problems);
            fixedBatchSize = input.Dimensions is [> 0, ..] ? input.Dimensions[0] : null;
        }

        if (!session.OutputMetadata.TryGetValue(spec.OutputName, out var output))
        {
            problems.Add($"model.json names output '{spec.OutputName}', but the graph's outputs are: {string.Join(", ", session.OutputMetadata.Keys)}.");
        }
        else
        {
            CheckTensor(output, $"output '{spec.OutputName}'", [-1, bundle.EmbeddingSize], "[batch, embeddingSize]", problems);
        }

        if (problems.Count > 0)
        {
            var fileName = spec.OnnxFile;
            throw new ModelBundleException(bundle.DirectoryPath, problems.Select(problem => $"{fileName}: {problem}").ToList());
        }

        return fixedBatchSize;
    }

    /// <param name="expected">Expected dimensions; -1 accepts any size.</param>
    private static void CheckTensor(NodeMetadata metadata, string name, int[] expected, string legend, List<string> problems)
    {
        if (!metadata.IsTensor || metadata.ElementDataType != TensorElementType.Float)
        {
            problems.Add($"{name} is {metadata.ElementDataType}, but float32 is required.");
        }

        // ONNX Runtime reports symbolic (dynamic) dimensions as -1, which match anything.
        var actual = metadata.Dimensions;
        var matches = actual.Length == expected.Length
            && actual.Zip(expected).All(pair => pair.First < 0 || pair.Second < 0 || pair.First == pair.Second);
        if (!matches)
        {
            var expectedText = expected.Select(size => size < 0 ? "?" : size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            problems.Add($"{name} has shape [{string.Join(", ", actual)}], but model.json implies {legend} = [{string.Join(", ", expectedText)}].");
        }
    }
}
