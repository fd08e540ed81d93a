using TorchSharp;
using UpPerson.Model.Configuration;
using UpPerson.Model.Modules;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

/// <summary>
/// S-Prefix on a case small enough to work out by hand: width 2, one head, identity projections,
/// P = 1 with Pk = (0.5, 0.5), ck = 2, Pv = (1, −1), cv = 1, Sp = 10, and input rows (1, 0), (0, 2).
/// </summary>
public sealed class PrefixAttentionTests
{
    private const double HandTolerance = 1e-5;

    [Fact]
    public void Forward_HandCase_MatchesWorkedValues()
    {
        using var attention = CreateHandCaseAttention();
        using var input = torch.tensor(new float[] { 1, 0, 0, 2 }, [1, 2, 2]);
        using var noGrad = torch.no_grad();

        using var output = attention.forward(input, null);
        var values = output.data<float>().ToArray();

        // Row 0: scores (1, 1, 0)/√2, softmax (0.40111, 0.40111, 0.19778), prefix column ×10,
        // output 0.40111·(1, 0) + 4.0111·(1, −1) + 0.19778·(0, 2).
        Assert.Equal(4.412233, values[0], HandTolerance);
        Assert.Equal(-3.615569, values[1], HandTolerance);

        // Row 1: scores (0, 2, 4)/√2.
        Assert.Equal(1.912325, values[2], HandTolerance);
        Assert.Equal(-0.331101, values[3], HandTolerance);
    }

    [Fact]
    public void Forward_HandCase_PrefixShiftsOutputByWorkedAmount()
    {
        using var withPrefix = CreateHandCaseAttention();
        using var withoutPrefix = CreateHandCaseAttention(prefix: false);
        using var input = torch.tensor(new float[] { 1, 0, 0, 2 }, [1, 2, 2]);
        using var noGrad = torch.no_grad();

        using var difference = withPrefix.forward(input, null) - withoutPrefix.forward(input, null);
        var values = difference.data<float>().ToArray();

        // Without the prefix, row 0 has softmax(1/√2, 0) = (0.66976, 0.33024) over values (1, 0) and
        // (0, 2), giving (0.669762, 0.660477); row 1 has softmax(0, 4/√2), giving (0.055807, 1.888386).
        // The prefix moves the outputs to the worked values of the test above.
        Assert.Equal(4.412233 - 0.669762, values[0], HandTolerance);
        Assert.Equal(-3.615569 - 0.660477, values[1], HandTolerance);
        Assert.Equal(1.912325 - 0.055807, values[2], HandTolerance);
        Assert.Equal(-0.331101 - 1.888386, values[3], HandTolerance);
    }

    [Fact]
    public void Forward_HandCaseWithCausalMask_PrefixVisibleToFirstPosition()
    {
        using var attention = CreateHandCaseAttention();
        using var input = torch.tensor(new float[] { 1, 0, 0, 2 }, [1, 2, 2]);
        using var mask = CausalMask.Build(length: 2, prefixLength: 1);
        using var noGrad = torch.no_grad();

        using var output = attention.forward(input, mask);
        var values = output.data<float>().ToArray();

        // Row 0 attends to key 0 and the prefix with equal scores: 0.5·(1, 0) + 10·0.5·(1, −1).
        Assert.Equal(5.5, values[0], HandTolerance);
        Assert.Equal(-5.0, values[1], HandTolerance);

        // Row 1 attends to every key, as in the unmasked case.
        Assert.Equal(1.912325, values[2], HandTolerance);
        Assert.Equal(-0.331101, values[3], HandTolerance);
    }

    [Fact]
    public void Forward_RandomCase_MatchesNaiveFormula()
    {
        const int width = 8, heads = 2, prefixLength = 3, length = 5;
        torch.manual_seed(3);
        using var attention = new PetlAttention(width, heads, new TowerPetlConfig(true, prefixLength, 10f, true, 2, false, 8));
        using (torch.no_grad())
        {
            attention.KProj.LoraB!.normal_(0, 0.1);
            attention.Prefix!.KeyScale.FillWith(1.5f);
            attention.Prefix.ValueScale.FillWith(0.5f);
            attention.Prefix.Boost.FillWith(3f);
        }

        using var input = torch.randn(1, length, width);
        using var mask = CausalMask.Build(length, prefixLength);
        using var noGrad = torch.no_grad();

        using var output = attention.forward(input, mask);
        var expected = NaiveAttention(attention, input, mask, heads);

        var actual = output.data<float>().ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }
    }

    [Fact]
    public void CausalMask_WithPrefix_HidesOnlyLaterOriginalKeys()
    {
        var mask = CausalMask.BuildArray(length: 3, prefixLength: 2);

        // Columns: key 0, prefix 1, prefix 2, key 1, key 2.
        float inf = float.NegativeInfinity;
        Assert.Equal(new float[] { 0, 0, 0, inf, inf, 0, 0, 0, 0, inf, 0, 0, 0, 0, 0 }, mask);
    }

    private static PetlAttention CreateHandCaseAttention(bool prefix = true)
    {
        var attention = new PetlAttention(2, 1, new TowerPetlConfig(prefix, 1, 10f, false, 0, false, 8));
        using var noGrad = torch.no_grad();
        using var identity = torch.eye(2);
        attention.QProj.weight!.copy_(identity);
        attention.KProj.Weight.copy_(identity);
        attention.VProj.Weight.copy_(identity);
        attention.OutProj.weight!.copy_(identity);
        attention.QProj.bias!.zero_();
        attention.KProj.Bias.zero_();
        attention.VProj.Bias.zero_();
        attention.OutProj.bias!.zero_();
        if (!prefix)
        {
            return attention;
        }

        attention.Prefix!.Keys.copy_(torch.tensor(new float[] { 0.5f, 0.5f }, [1, 2]));
        attention.Prefix.KeyScale.FillWith(2f);
        attention.Prefix.Values.copy_(torch.tensor(new float[] { 1f, -1f }, [1, 2]));
        attention.Prefix.ValueScale.FillWith(1f);
        attention.Prefix.Boost.FillWith(10f);
        return attention;
    }

    // The block formula written out with loops over doubles, independent of the module's tensor code.
    private static double[] NaiveAttention(PetlAttention attention, Tensor input, Tensor mask, int heads)
    {
        var x = ToMatrix(input.squeeze(0));
        var length = x.GetLength(0);
        var width = x.GetLength(1);
        var headDim = width / heads;
        var prefix = attention.Prefix!;
        var prefixLength = prefix.Length;

        var q = Linear(x, ToMatrix(attention.QProj.weight!), ToVector(attention.QProj.bias!));
        var k = Linear(x, ToMatrix(attention.KProj.MergedWeight()), ToVector(attention.KProj.Bias));
        var v = Linear(x, ToMatrix(attention.VProj.MergedWeight()), ToVector(attention.VProj.Bias));
        var pk = Scale(ToMatrix(prefix.Keys), prefix.KeyScale.item<float>());
        var pv = Scale(ToMatrix(prefix.Values), prefix.ValueScale.item<float>());
        var boost = prefix.Boost.item<float>();
        var maskValues = ToMatrix(mask);

        // Key/value rows in order: original 0, prefix 0..P-1, original 1..L-1.
        double[] KeyRow(double[,] original, double[,] prefixRows, int column) =>
            column == 0 ? Row(original, 0) : column <= prefixLength ? Row(prefixRows, column - 1) : Row(original, column - prefixLength);

        var context = new double[length, width];
        for (var head = 0; head < heads; head++)
        {
            var offset = head * headDim;
            for (var i = 0; i < length; i++)
            {
                var columns = length + prefixLength;
                var scores = new double[columns];
                for (var j = 0; j < columns; j++)
                {
                    var key = KeyRow(k, pk, j);
                    var dot = 0.0;
                    for (var c = 0; c < headDim; c++)
                    {
                        dot += q[i, offset + c] * key[offset + c];
                    }

                    scores[j] = dot / Math.Sqrt(headDim) + maskValues[i, j];
                }

                var max = scores.Max();
                var exps = scores.Select(s => Math.Exp(s - max)).ToArray();
                var sum = exps.Sum();
                for (var j = 0; j < columns; j++)
                {
                    var weight = exps[j] / sum * (j >= 1 && j <= prefixLength ? boost : 1.0);
                    var value = KeyRow(v, pv, j);
                    for (var c = 0; c < headDim; c++)
                    {
                        context[i, offset + c] += weight * value[offset + c];
                    }
                }
            }
        }

        var output = Linear(context, ToMatrix(attention.OutProj.weight!), ToVector(attention.OutProj.bias!));
        return output.Cast<double>().ToArray();
    }

    private static double[,] Linear(double[,] x, double[,] weight, double[] bias)
    {
        var rows = x.GetLength(0);
        var inputs = x.GetLength(1);
        var outputs = weight.GetLength(0);
        var result = new double[rows, outputs];
        for (var r = 0; r < rows; r++)
        {
            for (var o = 0; o < outputs; o++)
            {
                var sum = bias[o];
                for (var i = 0; i < inputs; i++)
                {
                    sum += x[r, i] * weight[o, i];
                }

                result[r, o] = sum;
            }
        }

        return result;
    }

    private static double[,] Scale(double[,] matrix, double factor)
    {
        var result = (double[,])matrix.Clone();
        for (var r = 0; r < result.GetLength(0); r++)
        {
            for (var c = 0; c < result.GetLength(1); c++)
            {
                result[r, c] *= factor;
            }
        }

        return result;
    }

    private static double[] Row(double[,] matrix, int row) =>
        Enumerable.Range(0, matrix.GetLength(1)).Select(c => matrix[row, c]).ToArray();

    private static double[,] ToMatrix(Tensor tensor)
    {
        var rows = (int)tensor.shape[0];
        var columns = (int)tensor.shape[1];
        var data = tensor.detach().contiguous().data<float>().ToArray();
        var result = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[r, c] = data[r * columns + c];
            }
        }

        return result;
    }

    private static double[] ToVector(Tensor tensor) =>
        tensor.detach().data<float>().ToArray().Select(value => (double)value).ToArray();
}
