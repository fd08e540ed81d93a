using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

/// <summary>
/// Tensor arithmetic with a C# number through a scalar the test keeps alive: TorchSharp leaves
/// implicitly converted scalars to the garbage collector, which can free one mid-call.
/// </summary>
internal static class ExplicitScalars
{
    public static Tensor FillWith(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.fill_(scalar);
    }

    public static Tensor Times(this Tensor tensor, double factor)
    {
        using var scalar = factor.ToScalar();
        return tensor.mul(scalar);
    }
}
