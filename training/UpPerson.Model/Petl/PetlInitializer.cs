using TorchSharp;
using UpPerson.Model.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Petl;

/// <summary>
/// Initialises every PETL tensor from a generator of its own, so the initial values depend only on
/// the seed and not on other work that draws from libtorch's global generator meanwhile.
/// </summary>
public static class PetlInitializer
{
    public static void Initialize(UpPersonClip model, long seed)
    {
        var generator = new Generator((ulong)seed ^ 0x5045544CUL);
        foreach (var module in model.modules())
        {
            switch (module)
            {
                case LoraLinear lora:
                    lora.ResetLora(generator);
                    break;
                case PrefixTuning prefix:
                    prefix.Reset(generator, PrefixBoostInit(model, prefix));
                    break;
                case LAdapter adapter:
                    adapter.Reset(generator);
                    break;
            }
        }
    }

    // Each tower has its own configured initial boost.
    private static float PrefixBoostInit(UpPersonClip model, PrefixTuning prefix) =>
        model.Visual.modules().Contains(prefix) ? model.Petl.Vision.PrefixBoostInit : model.Petl.Text.PrefixBoostInit;
}
