using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using UpPerson.Contracts;

namespace UpPerson.Inference;

/// <summary>Steps of <see cref="ModelBundle.Load"/>: locate, parse, validate, hash.</summary>
internal static class ModelBundleLoader
{
    public static ModelBundle Load(string directoryPath, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directoryPath);
        var directory = Path.GetFullPath(directoryPath);
        var stopwatch = Stopwatch.StartNew();

        if (!Directory.Exists(directory))
        {
            throw new ModelBundleException(directory, ["the folder does not exist. Check the path given for the model bundle."]);
        }

        var manifestPath = Path.Combine(directory, ModelManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new ModelBundleException(directory, [$"{ModelManifest.FileName}: missing at '{manifestPath}'; the folder is not a model bundle."]);
        }

        var manifest = ReadManifest(directory, manifestPath);

        var problems = ModelManifestValidator.Validate(manifest);
        problems.AddRange(VerifyFiles(directory, manifest, cancellationToken));
        if (problems.Count > 0)
        {
            throw new ModelBundleException(directory, problems);
        }

        logger.BundleLoaded(manifest.ModelId, manifest.Version, directory, manifest.Files.Count, stopwatch.ElapsedMilliseconds);
        if (manifest.Provenance.RandomInit)
        {
            logger.RandomInitBundle(manifest.ModelId, directory);
        }

        return new ModelBundle(directory, manifest);
    }

    private static ModelManifest ReadManifest(string directory, string manifestPath)
    {
        var json = File.ReadAllText(manifestPath);

        // The version is checked on its own first: a newer format may not parse with this schema,
        // and "unsupported version" is the useful message then, not a missing-field error.
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ModelBundleException(directory, [$"{ModelManifest.FileName}: not valid JSON ({exception.Message})."], exception);
        }

        CheckFormatVersion(directory, root);

        try
        {
            return ModelManifestJson.Deserialize(json);
        }
        catch (JsonException exception)
        {
            throw new ModelBundleException(directory, [$"{ModelManifest.FileName}: does not match the manifest schema: {exception.Message}"], exception);
        }
    }

    private static void CheckFormatVersion(string directory, JsonNode? root)
    {
        if (root is not JsonObject manifestObject)
        {
            throw new ModelBundleException(directory, [$"{ModelManifest.FileName}: the top level is not a JSON object."]);
        }

        var versionNode = manifestObject["formatVersion"];
        if (versionNode is not JsonValue versionValue || !versionValue.TryGetValue<int>(out var version))
        {
            throw new ModelBundleException(directory, [$"{ModelManifest.FileName}: formatVersion is missing or not an integer."]);
        }

        if (version != ModelManifest.CurrentFormatVersion)
        {
            throw new ModelBundleException(directory,
            [
                $"{ModelManifest.FileName}: formatVersion is {version}, but this UpPerson build reads only format {ModelManifest.CurrentFormatVersion}. "
                + $"Use an UpPerson build that reads format {version}, or re-export the bundle with this build.",
            ]);
        }
    }

    private static List<string> VerifyFiles(string directory, ModelManifest manifest, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (name, expectedSha256) in manifest.Files)
        {
            // Entries with a bad name or hash were already reported by the manifest validator.
            if (!ModelManifestValidator.IsPlainRelativePath(name) || !ModelManifestValidator.IsSha256Hex(expectedSha256))
            {
                continue;
            }

            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                problems.Add($"{name}: listed in {ModelManifest.FileName} but missing at '{path}'.");
                continue;
            }

            var actualSha256 = BundleFileHash.ComputeSha256Hex(path, cancellationToken);
            if (!string.Equals(actualSha256, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(
                    $"{name}: SHA-256 is {actualSha256} but {ModelManifest.FileName} lists {expectedSha256.ToLowerInvariant()}; "
                    + $"'{path}' is damaged or was replaced.");
            }
        }

        return problems;
    }
}
