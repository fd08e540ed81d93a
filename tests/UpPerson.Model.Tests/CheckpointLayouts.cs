using TorchSharp;
using UpPerson.Model.Checkpoints;
using UpPerson.Model.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

/// <summary>
/// Writes a model's backbone in the key layouts of other CLIP releases, as those releases name and
/// shape their tensors, so import can be checked against a known model.
/// </summary>
internal static class CheckpointLayouts
{
    /// <summary>OpenAI / open_clip: fused in-projection, text tower at the top level, logit_scale.</summary>
    public static Dictionary<string, Tensor> ToOpenAi(UpPersonClip model)
    {
        var source = PetlCheckpoint.BaseTensors(model);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in source)
        {
            if (name.Contains(".attn.k_proj.", StringComparison.Ordinal) || name.Contains(".attn.v_proj.", StringComparison.Ordinal))
            {
                continue;
            }

            var value = tensor.detach().clone();
            var key = name;
            if (name.Contains(".attn.q_proj.", StringComparison.Ordinal))
            {
                var part = name.EndsWith(".weight", StringComparison.Ordinal) ? "weight" : "bias";
                var stem = name[..name.IndexOf(".q_proj.", StringComparison.Ordinal)];
                value = torch.cat([source[$"{stem}.q_proj.{part}"], source[$"{stem}.k_proj.{part}"], source[$"{stem}.v_proj.{part}"]], 0).detach().clone();
                key = $"{stem}.in_proj_{part}";
            }

            if (key.StartsWith("text.", StringComparison.Ordinal))
            {
                key = key["text.".Length..];
            }

            result[key] = value;
        }

        result["logit_scale"] = torch.tensor(4.6052f);
        return result;
    }

    /// <summary>Hugging Face CLIPModel: separate projections, renamed norms and MLPs, projections as [out, in].</summary>
    public static Dictionary<string, Tensor> ToHuggingFace(UpPersonClip model)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in PetlCheckpoint.BaseTensors(model))
        {
            var value = tensor.detach().clone();
            var key = name
                .Replace("visual.transformer.resblocks.", "vision_model.encoder.layers.", StringComparison.Ordinal)
                .Replace("text.transformer.resblocks.", "text_model.encoder.layers.", StringComparison.Ordinal)
                .Replace(".ln_1.", ".layer_norm1.", StringComparison.Ordinal)
                .Replace(".ln_2.", ".layer_norm2.", StringComparison.Ordinal)
                .Replace(".attn.", ".self_attn.", StringComparison.Ordinal)
                .Replace(".mlp.c_fc.", ".mlp.fc1.", StringComparison.Ordinal)
                .Replace(".mlp.c_proj.", ".mlp.fc2.", StringComparison.Ordinal);
            key = key switch
            {
                "visual.conv1.weight" => "vision_model.embeddings.patch_embedding.weight",
                "visual.class_embedding" => "vision_model.embeddings.class_embedding",
                "visual.positional_embedding" => "vision_model.embeddings.position_embedding.weight",
                "visual.ln_pre.weight" => "vision_model.pre_layrnorm.weight",
                "visual.ln_pre.bias" => "vision_model.pre_layrnorm.bias",
                "visual.ln_post.weight" => "vision_model.post_layernorm.weight",
                "visual.ln_post.bias" => "vision_model.post_layernorm.bias",
                "text.token_embedding.weight" => "text_model.embeddings.token_embedding.weight",
                "text.positional_embedding" => "text_model.embeddings.position_embedding.weight",
                "text.ln_final.weight" => "text_model.final_layer_norm.weight",
                "text.ln_final.bias" => "text_model.final_layer_norm.bias",
                _ => key,
            };

            if (name == "visual.proj")
            {
                key = "visual_projection.weight";
                value = value.t().contiguous();
            }
            else if (name == "text.text_projection")
            {
                key = "text_projection.weight";
                value = value.t().contiguous();
            }

            result[key] = value;
        }

        result["logit_scale"] = torch.tensor(4.6052f);
        result["text_model.embeddings.position_ids"] = torch.arange(77).unsqueeze(0);
        return result;
    }
}
