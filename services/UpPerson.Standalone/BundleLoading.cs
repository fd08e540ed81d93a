using Microsoft.Extensions.Logging;
using UpPerson.Inference;

namespace UpPerson.Standalone;

/// <summary>Loads a model bundle for a command and warns on stderr when its weights are random.</summary>
internal static class BundleLoading
{
    public static ModelBundle Load(string directory, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var bundle = ModelBundle.Load(directory, loggers.CreateLogger("UpPerson.Bundle"), cancellationToken);
        if (bundle.IsRandomInit)
        {
            Console.Error.WriteLine(
                $"warning: model bundle {bundle.ModelId} has random weights; search results will be meaningless. " +
                "Export a bundle from pretrained CLIP weights (upperson-train import-clip, then export --checkpoint).");
        }

        return bundle;
    }

    public static OnnxSessionFactory CreateSessionFactory(ILoggerFactory loggers, bool forceCpu) =>
        new(new OnnxSessionFactoryOptions { ForceCpu = forceCpu }, loggers.CreateLogger<OnnxSessionFactory>());
}
