using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Modules;

/// <summary>The block's feed-forward part: c_fc, QuickGELU, c_proj (OpenAI's names).</summary>
public sealed class ClipMlp : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Linear c_fc;
    private readonly QuickGelu gelu;
    private readonly Linear c_proj;
#pragma warning restore IDE1006

    public ClipMlp(int width, int hiddenWidth)
        : base(nameof(ClipMlp))
    {
        c_fc = nn.Linear(width, hiddenWidth);
        gelu = new QuickGelu();
        c_proj = nn.Linear(hiddenWidth, width);
        RegisterComponents();
    }

    public Linear Fc => c_fc;

    public Linear Proj => c_proj;

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return c_proj.forward(gelu.forward(c_fc.forward(input))).MoveToOuterDisposeScope();
    }
}
