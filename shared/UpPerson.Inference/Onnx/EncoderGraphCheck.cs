using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace UpPerson.Inference;

/// <summary>
/// Compares an encoder session's declared input and output with the bundle manifest, so a
/// mismatched export fails at load with every difference listed instead of at the first batch.
/// </summary>
internal static class EncoderGraphCheck
{
    /// <summary>Checks the image encoder; returns the graph's fixed batch size, or null when it is dynamic.</summary>
    public static int? VerifyImage(InferenceSession session, ModelBundle bundle)
    {
        var spec = bundle.Manifest.Image;
        return Verify(
            session,
            bundle,
            spec.OnnxFile,
            new TensorExpectation(spec.InputName, TensorElementType.Float, [-1, 3, spec.Height, spec.Width], "[batch, 3, height, width]"),
            new TensorExpectation(spec.OutputName, TensorElementType.Float, [-1, bundle.EmbeddingSize], "[batch, embeddingSize]"));
    }

    /// <summary>Checks the text encoder; returns the graph's fixed batch size, or null when it is dynamic.</summary>
    public static int? VerifyText(InferenceSession session, ModelBundle bundle)
    {
        var spec = bundle.Manifest.Text;
        return Verify(
            session,
            bundle,
            spec.OnnxFile,
            new TensorExpectation(spec.InputName, TensorElementType.Int64, [-1, spec.ContextLength], "[batch, contextLength]"),
            new TensorExpectation(spec.OutputName, TensorElementType.Float, [-1, bundle.EmbeddingSize], "[batch, embeddingSize]"));
    }

    /// <summary>Throws <see cref="ModelBundleException"/> on a mismatch.</summary>
    private static int? Verify(InferenceSession session, ModelBundle bundle, string fileName, TensorExpectation input, TensorExpectation output)
    {
        int? fixedBatchSize = null;
        var problems = new List<string>();

        if (!session.InputMetadata.TryGetValue(input.Name, out var inputMetadata))
        {
            problems.Add($"model.json names input '{input.Name}', but the graph's inputs are: {string.Join(", ", session.InputMetadata.Keys)}.");
        }
        else
        {
            CheckTensor(inputMetadata, $"input '{input.Name}'", input, problems);
            fixedBatchSize = inputMetadata.Dimensions is [> 0, ..] ? inputMetadata.Dimensions[0] : null;
        }

        if (!session.OutputMetadata.TryGetValue(output.Name, out var outputMetadata))
        {
            problems.Add($"model.json names output '{output.Name}', but the graph's outputs are: {string.Join(", ", session.OutputMetadata.Keys)}.");
        }
        else
        {
            CheckTensor(outputMetadata, $"output '{output.Name}'", output, problems);
        }

        if (problems.Count > 0)
        {
            throw new ModelBundleException(bundle.DirectoryPath, problems.Select(problem => $"{fileName}: {problem}").ToList());
        }

        return fixedBatchSize;
    }

    private static void CheckTensor(NodeMetadata metadata, string name, TensorExpectation expected, List<string> problems)
    {
        if (!metadata.IsTensor || metadata.ElementDataType != expected.ElementType)
        {
            problems.Add($"{name} is {metadata.ElementDataType}, but {expected.ElementType} is required.");
        }

        // ONNX Runtime reports symbolic (dynamic) dimensions as -1, which match anything.
        var actual = metadata.Dimensions;
        var matches = actual.Length == expected.Dimensions.Length
            && actual.Zip(expected.Dimensions).All(pair => pair.First < 0 || pair.Second < 0 || pair.First == pair.Second);
        if (!matches)
        {
            var expectedText = expected.Dimensions.Select(size => size < 0 ? "?" : size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            problems.Add($"{name} has shape [{string.Join(", ", actual)}], but model.json implies {expected.Legend} = [{string.Join(", ", expectedText)}].");
        }
    }

    /// <param name="Dimensions">Expected sizes; -1 accepts any size.</param>
    private sealed record TensorExpectation(string Name, TensorElementType ElementType, int[] Dimensions, string Legend);
}
