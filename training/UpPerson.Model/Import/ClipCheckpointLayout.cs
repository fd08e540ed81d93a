namespace UpPerson.Model.Import;

/// <summary>Key layouts of CLIP checkpoints the importer understands.</summary>
public enum ClipCheckpointLayout
{
    /// <summary>OpenAI's CLIP and open_clip: fused <c>attn.in_proj_weight</c>, text tower at top level.</summary>
    OpenAi,

    /// <summary>Hugging Face <c>CLIPModel</c> (<c>openai/clip-vit-base-patch16</c>): separate q/k/v projections.</summary>
    HuggingFace,

    /// <summary>This project's own names, as in <c>base.safetensors</c>.</summary>
    UpPerson,
}
