using System.Text.RegularExpressions;

namespace UpPerson.Model.Import;

/// <summary>How a source tensor becomes one or more target tensors.</summary>
public enum TensorConversion
{
    Copy,

    /// <summary>[out, in] linear weight to the [in, out] matrix the model multiplies by.</summary>
    Transpose,

    /// <summary>Position table whose grid is resized to the target image grid.</summary>
    VisionPositions,

    /// <summary>Fused [3·width, …] in-projection split into q, k and v; the target contains <c>{qkv}</c>.</summary>
    SplitQkv,
}

/// <summary>One mapping: source and target key patterns where <c>{i}</c> stands for a block index.</summary>
public sealed record KeyRule(string Source, string Target, TensorConversion Conversion = TensorConversion.Copy)
{
    private Regex? _pattern;

    /// <summary>Returns the target key for <paramref name="sourceKey"/>, or null when the rule does not apply.</summary>
    public string? Match(string sourceKey)
    {
        _pattern ??= new Regex("^" + Regex.Escape(Source).Replace(@"\{i}", @"(\d+)", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
        var match = _pattern.Match(sourceKey);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups.Count > 1 ? Target.Replace("{i}", match.Groups[1].Value, StringComparison.Ordinal) : Target;
    }
}

/// <summary>Key tables per checkpoint layout, with the keys each layout carries but the model does not use.</summary>
public static class ClipKeyMap
{
    private const string VisionBlock = "visual.transformer.resblocks.{i}.";
    private const string TextBlock = "text.transformer.resblocks.{i}.";

    /// <summary>A key found only in that layout, used to detect it.</summary>
    public static IReadOnlyDictionary<ClipCheckpointLayout, string> Sentinels { get; } = new Dictionary<ClipCheckpointLayout, string>
    {
        [ClipCheckpointLayout.UpPerson] = "visual.transformer.resblocks.0.attn.q_proj.weight",
        [ClipCheckpointLayout.OpenAi] = "visual.transformer.resblocks.0.attn.in_proj_weight",
        [ClipCheckpointLayout.HuggingFace] = "vision_model.embeddings.patch_embedding.weight",
    };

    public static IReadOnlyList<KeyRule> Rules(ClipCheckpointLayout layout) => layout switch
    {
        ClipCheckpointLayout.OpenAi => OpenAiRules,
        ClipCheckpointLayout.HuggingFace => HuggingFaceRules,
        ClipCheckpointLayout.UpPerson => UpPersonRules,
        _ => throw new NotSupportedException($"Checkpoint layout {layout} has no key table."),
    };

    /// <summary>Keys that exist in checkpoints but not in the model: the learned temperature and buffers.</summary>
    public static bool IsIgnored(string key) =>
        key is "logit_scale" or "input_resolution" or "context_length" or "vocab_size" or "attn_mask"
        || key.EndsWith(".position_ids", StringComparison.Ordinal)
        || key.EndsWith(".attn_mask", StringComparison.Ordinal);

    private static IEnumerable<KeyRule> BlockRules(string source, string target, bool fusedInProjection, Func<string, string>? renameInner = null)
    {
        string Inner(string name) => renameInner?.Invoke(name) ?? name;

        foreach (var norm in new[] { "ln_1", "ln_2" })
        {
            foreach (var part in new[] { "weight", "bias" })
            {
                yield return new KeyRule($"{source}{Inner(norm)}.{part}", $"{target}{norm}.{part}");
            }
        }

        foreach (var part in new[] { "weight", "bias" })
        {
            if (fusedInProjection)
            {
                yield return new KeyRule($"{source}attn.in_proj_{part}", $"{target}attn.{{qkv}}_proj.{part}", TensorConversion.SplitQkv);
            }
            else
            {
                foreach (var projection in new[] { "q_proj", "k_proj", "v_proj" })
                {
                    yield return new KeyRule($"{source}{Inner("attn")}.{projection}.{part}", $"{target}attn.{projection}.{part}");
                }
            }

            yield return new KeyRule($"{source}{Inner("attn")}.out_proj.{part}", $"{target}attn.out_proj.{part}");
            yield return new KeyRule($"{source}{Inner("mlp.c_fc")}.{part}", $"{target}mlp.c_fc.{part}");
            yield return new KeyRule($"{source}{Inner("mlp.c_proj")}.{part}", $"{target}mlp.c_proj.{part}");
        }
    }

    private static IEnumerable<KeyRule> NormRules(string source, string target) =>
        [new KeyRule($"{source}.weight", $"{target}.weight"), new KeyRule($"{source}.bias", $"{target}.bias")];

    private static readonly KeyRule[] OpenAiRules =
    [
        new("visual.conv1.weight", "visual.conv1.weight"),
        new("visual.class_embedding", "visual.class_embedding"),
        new("visual.positional_embedding", "visual.positional_embedding", TensorConversion.VisionPositions),
        .. NormRules("visual.ln_pre", "visual.ln_pre"),
        .. BlockRules(VisionBlock, VisionBlock, fusedInProjection: true),
        .. NormRules("visual.ln_post", "visual.ln_post"),
        new("visual.proj", "visual.proj"),
        new("token_embedding.weight", "text.token_embedding.weight"),
        new("positional_embedding", "text.positional_embedding"),
        .. BlockRules("transformer.resblocks.{i}.", TextBlock, fusedInProjection: true),
        .. NormRules("ln_final", "text.ln_final"),
        new("text_projection", "text.text_projection"),
    ];

    private static string HuggingFaceInner(string name) => name switch
    {
        "ln_1" => "layer_norm1",
        "ln_2" => "layer_norm2",
        "attn" => "self_attn",
        "mlp.c_fc" => "mlp.fc1",
        "mlp.c_proj" => "mlp.fc2",
        _ => name,
    };

    private static readonly KeyRule[] HuggingFaceRules =
    [
        new("vision_model.embeddings.patch_embedding.weight", "visual.conv1.weight"),
        new("vision_model.embeddings.class_embedding", "visual.class_embedding"),
        new("vision_model.embeddings.position_embedding.weight", "visual.positional_embedding", TensorConversion.VisionPositions),
        .. NormRules("vision_model.pre_layrnorm", "visual.ln_pre"),
        .. BlockRules("vision_model.encoder.layers.{i}.", VisionBlock, fusedInProjection: false, HuggingFaceInner),
        .. NormRules("vision_model.post_layernorm", "visual.ln_post"),
        new("visual_projection.weight", "visual.proj", TensorConversion.Transpose),
        new("text_model.embeddings.token_embedding.weight", "text.token_embedding.weight"),
        new("text_model.embeddings.position_embedding.weight", "text.positional_embedding"),
        .. BlockRules("text_model.encoder.layers.{i}.", TextBlock, fusedInProjection: false, HuggingFaceInner),
        .. NormRules("text_model.final_layer_norm", "text.ln_final"),
        new("text_projection.weight", "text.text_projection", TensorConversion.Transpose),
    ];

    private static readonly KeyRule[] UpPersonRules =
    [
        new("visual.conv1.weight", "visual.conv1.weight"),
        new("visual.class_embedding", "visual.class_embedding"),
        new("visual.positional_embedding", "visual.positional_embedding", TensorConversion.VisionPositions),
        .. NormRules("visual.ln_pre", "visual.ln_pre"),
        .. BlockRules(VisionBlock, VisionBlock, fusedInProjection: false),
        .. NormRules("visual.ln_post", "visual.ln_post"),
        new("visual.proj", "visual.proj"),
        new("text.token_embedding.weight", "text.token_embedding.weight"),
        new("text.positional_embedding", "text.positional_embedding"),
        .. BlockRules(TextBlock, TextBlock, fusedInProjection: false),
        .. NormRules("text.ln_final", "text.ln_final"),
        new("text.text_projection", "text.text_projection"),
    ];
}
