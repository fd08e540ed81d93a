using Microsoft.ML.OnnxRuntime;

namespace UpPerson.Onnx.Tests.Support;

/// <summary>
/// Saves graphs to files and runs them with ONNX Runtime on the CPU execution provider.
/// </summary>
internal static class OrtRunner
{
    public static readonly OnnxModelInfo TestInfo = new() { ProducerName = "UpPerson.Onnx.Tests" };

    /// <summary>
    /// Saves the graph to a temporary file, loads it into an inference session and returns every
    /// graph output by name.
    /// </summary>
    public static IReadOnlyDictionary<string, TensorOutput> SaveAndRun(OnnxGraphBuilder builder, params TensorInput[] inputs)
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("model.onnx");
        builder.Save(path, TestInfo);
        return Run(path, inputs);
    }

    /// <summary>Saves and runs a graph with exactly one output, and returns that output.</summary>
    public static TensorOutput SaveAndRunSingle(OnnxGraphBuilder builder, params TensorInput[] inputs) =>
        Assert.Single(SaveAndRun(builder, inputs)).Value;

    public static IReadOnlyDictionary<string, TensorOutput> Run(string modelPath, params TensorInput[] inputs)
    {
        using var session = new InferenceSession(modelPath);
        return Run(session, inputs);
    }

    public static IReadOnlyDictionary<string, TensorOutput> Run(InferenceSession session, params TensorInput[] inputs)
    {
        var values = new Dictionary<string, OrtValue>();
        try
        {
            foreach (TensorInput input in inputs)
            {
                values[input.Name] = input.ToOrtValue();
            }

            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions, values, session.OutputNames);

            var outputs = new Dictionary<string, TensorOutput>();
            for (int i = 0; i < session.OutputNames.Count; i++)
            {
                outputs[session.OutputNames[i]] = TensorOutput.Copy(results.ElementAt(i));
            }

            return outputs;
        }
        finally
        {
            foreach (OrtValue value in values.Values)
            {
                value.Dispose();
            }
        }
    }
}
