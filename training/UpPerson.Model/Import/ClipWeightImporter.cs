using TorchSharp;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Import;

/// <summary>
/// Loads pretrained CLIP weights of a known layout into the frozen backbone of a model: renames
/// keys, splits fused in-projections, transposes projections stored as linear weights and resizes
/// the image position grid. PETL tensors are left as initialised.
/// </summary>
public static class ClipWeightImporter
{
    private const string DataParallelPrefix = "module.";

    /// <summary>Detects the layout from sentinel keys, allowing one common prefix such as <c>module.</c>.</summary>
    public static (ClipCheckpointLayout Layout, string Prefix) DetectLayout(IReadOnlyCollection<string> keys, string origin)
    {
        foreach (var (layout, sentinel) in ClipKeyMap.Sentinels)
        {
            var match = keys.FirstOrDefault(key => key.EndsWith(sentinel, StringComparison.Ordinal));
            if (match is not null)
            {
                var prefix = match[..^sentinel.Length];
                if (prefix.Length == 0 || keys.All(key => key.StartsWith(prefix, StringComparison.Ordinal) || ClipKeyMap.IsIgnored(key)))
                {
                    return (layout, prefix);
                }
            }
        }

        var sample = string.Join(", ", keys.Order(StringComparer.Ordinal).Take(8));
        throw new InvalidDataException(
            $"{origin} is not a CLIP checkpoint in a known layout: none of {string.Join(", ", ClipKeyMap.Sentinels.Values)} was found. " +
            $"First keys: {sample}. Supported: OpenAI/open_clip (fused in_proj) and Hugging Face CLIPModel.");
    }

    /// <summary>Copies the checkpoint into <paramref name="model"/>'s backbone and returns the layout found.</summary>
    public static ClipCheckpointLayout LoadInto(UpPersonClip model, IReadOnlyDictionary<string, Tensor> checkpoint, string origin)
    {
        var normalised = checkpoint.ToDictionary(entry => StripWrapperPrefixes(entry.Key), entry => entry.Value);
        var (layout, prefix) = DetectLayout(normalised.Keys, origin);
        var rules = ClipKeyMap.Rules(layout);

        using var scope = torch.NewDisposeScope();
        var converted = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var problems = new List<string>();
        foreach (var (rawKey, tensor) in normalised)
        {
            var key = rawKey.StartsWith(prefix, StringComparison.Ordinal) ? rawKey[prefix.Length..] : rawKey;
            if (ClipKeyMap.IsIgnored(key))
            {
                continue;
            }

            var rule = rules.Select(r => (Rule: r, Target: r.Match(key))).FirstOrDefault(m => m.Target is not null);
            if (rule.Target is null)
            {
                unknown.Add(rawKey);
                continue;
            }

            foreach (var (target, value) in Convert(rule.Rule.Conversion, rule.Target, tensor, model, rawKey, problems))
            {
                converted[target] = value;
            }
        }

        var targets = PetlCheckpoint.BaseTensors(model);
        var missing = targets.Keys.Where(name => !converted.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var unexpected = converted.Keys.Where(name => !targets.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var misshaped = targets
            .Where(entry => converted.TryGetValue(entry.Key, out var value) && !value.shape.SequenceEqual(entry.Value.shape))
            .Select(entry => $"{entry.Key} (model [{string.Join(", ", entry.Value.shape)}], checkpoint [{string.Join(", ", converted[entry.Key].shape)}])")
            .Concat(problems)
            .ToList();
        unexpected.AddRange(unknown.Order(StringComparer.Ordinal));

        if (missing.Count > 0 || unexpected.Count > 0 || misshaped.Count > 0)
        {
            var hint = DescribeBackbone(converted);
            throw new InvalidDataException(
                StrictTensorLoader.Describe($"{origin} ({layout} layout)", missing, unexpected, misshaped) +
                $" The model is {model.Clip.Name}{hint}.");
        }

        using var noGrad = torch.no_grad();
        foreach (var (name, target) in targets)
        {
            target.copy_(converted[name].to(target.dtype));
        }

        return layout;
    }

    private static IEnumerable<(string Target, Tensor Value)> Convert(
        TensorConversion conversion, string target, Tensor tensor, UpPersonClip model, string sourceKey, List<string> problems)
    {
        switch (conversion)
        {
            case TensorConversion.Copy:
                yield return (target, tensor);
                break;

            case TensorConversion.Transpose:
                yield return (target, tensor.t());
                break;

            case TensorConversion.SplitQkv:
                if (tensor.shape[0] % 3 != 0)
                {
                    problems.Add($"{sourceKey} has {tensor.shape[0]} rows, not a multiple of 3 for q, k and v");
                    yield break;
                }

                var parts = tensor.chunk(3, 0);
                yield return (target.Replace("{qkv}", "q", StringComparison.Ordinal), parts[0]);
                yield return (target.Replace("{qkv}", "k", StringComparison.Ordinal), parts[1]);
                yield return (target.Replace("{qkv}", "v", StringComparison.Ordinal), parts[2]);
                break;

            case TensorConversion.VisionPositions:
                var resized = ResizePositions(tensor, model, sourceKey, problems);
                if (resized is not null)
                {
                    yield return (target, resized);
                }

                break;

            default:
                throw new NotSupportedException($"Tensor conversion {conversion} is not implemented.");
        }
    }

    private static Tensor? ResizePositions(Tensor positions, UpPersonClip model, string sourceKey, List<string> problems)
    {
        var config = model.Visual.Config;
        var rows = positions.shape[0];
        if (rows == config.Tokens)
        {
            return positions;
        }

        var side = (int)Math.Round(Math.Sqrt(rows - 1));
        if ((long)side * side != rows - 1)
        {
            problems.Add($"{sourceKey} has {rows} rows, which is neither this model's {config.Tokens} tokens nor a square grid plus a class position");
            return null;
        }

        return PositionEmbeddingResampler.Resample(positions, side, side, config.GridHeight, config.GridWidth);
    }

    // DataParallel and DistributedDataParallel save every key under "module.", sometimes nested.
    private static string StripWrapperPrefixes(string key)
    {
        while (key.StartsWith(DataParallelPrefix, StringComparison.Ordinal))
        {
            key = key[DataParallelPrefix.Length..];
        }

        return key;
    }

    // Sizes read off the checkpoint, so a backbone mismatch can be named in the error.
    private static string DescribeBackbone(IReadOnlyDictionary<string, Tensor> converted)
    {
        if (!converted.TryGetValue("visual.conv1.weight", out var patch) || !converted.TryGetValue("text.token_embedding.weight", out var tokens))
        {
            return string.Empty;
        }

        return $"; the checkpoint looks like image width {patch.shape[0]} with {patch.shape[2]}-pixel patches and text width {tokens.shape[1]}" +
            " (vit-b16 is 768/16/512, vit-l14 is 1024/14/768)";
    }
}
