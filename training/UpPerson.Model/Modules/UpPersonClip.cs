using TorchSharp;
using UpPerson.Model.Configuration;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>
/// The CLIP dual encoder with UP-Person's PETL modules in every block of both towers.
/// With <see cref="PetlConfig.Disabled"/> it is plain CLIP.
/// </summary>
public sealed class UpPersonClip : nn.Module
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly VisionTransformer visual;
    private readonly TextTransformer text;
#pragma warning restore IDE1006

    public UpPersonClip(ClipConfig clip, PetlConfig petl)
        : base(nameof(UpPersonClip))
    {
        Clip = clip.Validate();
        Petl = petl.Validate(clip);
        visual = new VisionTransformer(clip.Vision, clip.EmbedDim, petl.Vision);
        text = new TextTransformer(clip.Text, clip.EmbedDim, petl.Text);
        RegisterComponents();
    }

    public ClipConfig Clip { get; }

    public PetlConfig Petl { get; }

    public VisionTransformer Visual => visual;

    public TextTransformer Text => text;

    /// <summary>[batch, 3, H, W] normalised RGB → [batch, embedDim], not normalised.</summary>
    public Tensor EncodeImage(Tensor pixels) => visual.forward(pixels);

    /// <summary>[batch, contextLength] int64 token ids → [batch, embedDim], not normalised.</summary>
    public Tensor EncodeText(Tensor tokenIds) => text.forward(tokenIds);
}
