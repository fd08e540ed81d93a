using Microsoft.Extensions.Logging;
using UpPerson.Inference;

namespace UpPerson.Standalone;

/// <summary>Loads model bundles and ONNX Runtime session factories for the commands.</summary>
internal static class BundleLoading
{
    /// <remarks>The loader itself logs the random-weights warning, which the CLI logger always shows.</remarks>
    public static ModelBundle Load(string directory, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        ModelBundle.Load(directory, loggers.CreateLogger("UpPerson.Bundle"), cancellationToken);

    public static OnnxSessionFactory CreateSessionFactory(ILoggerFactory loggers, bool forceCpu) =>
        new(new OnnxSessionFactoryOptions { ForceCpu = forceCpu }, loggers.CreateLogger<OnnxSessionFactory>());
}
