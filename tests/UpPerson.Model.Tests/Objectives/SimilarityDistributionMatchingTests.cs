using TorchSharp;
using UpPerson.Model.Objectives;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests.Objectives;

/// <summary>
/// SDM against values worked out by hand and against a plain double-precision loop. Hand cases use
/// unit vectors, so every cosine is 0 or 1 and every logit 0 or 50 (τ = 0.02); softmax terms of
/// size e^−50 ≈ 2e-22 are dropped, as are the ε corrections log(q + ε) − log q ≤ 2e-8.
/// </summary>
public sealed class SimilarityDistributionMatchingTests
{
    private const double Tolerance = 1e-5;
    private static readonly double LogEpsilon = Math.Log(1e-8);

    [Fact]
    public void Loss_DistinctIds_EqualsHandValue()
    {
        // Images v = e1, e2, e3; captions t = e1, e2, e1; ids [0, 1, 2], so q = identity.
        // i2t row 0: cos [1, 0, 1] → p = [½, 0, ½]; q0 = [1, 0, 0]:
        //   ½(ln ½ − ln 1) + ½(ln ½ − ln ε) = −ln 2 − ½ ln ε.
        // i2t row 1: cos [0, 1, 0] → p = e2 = q1: 0.
        // i2t row 2: cos [0, 0, 0] → p = [⅓, ⅓, ⅓]; q2 = [0, 0, 1]:
        //   ⅓(ln ⅓ − ln ε)·2 + ⅓ ln ⅓ = ln ⅓ − ⅔ ln ε.
        // L_i2t = (−ln 2 − ½ ln ε + ln ⅓ − ⅔ ln ε) / 3 ≈ 6.566345.
        // t2i rows (captions vs images): t0 = e1 → p = [1, 0, 0] = q0: 0; t1 = e2 → q1: 0;
        //   t2 = e1 → p = [1, 0, 0] but q2 = [0, 0, 1]: 1·(0 − ln ε) = −ln ε.
        // L_t2i = −ln ε / 3 ≈ 6.140227. L = L_i2t + L_t2i ≈ 12.706572.
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, [3, 3]);
        var captions = torch.tensor(new float[] { 1, 0, 0, 0, 1, 0, 1, 0, 0 }, [3, 3]);
        var ids = torch.tensor(new long[] { 0, 1, 2 });

        var loss = SimilarityDistributionMatching.Loss(images, captions, ids).item<float>();

        var imageToText = (-Math.Log(2) - 0.5 * LogEpsilon + Math.Log(1.0 / 3) - 2.0 / 3 * LogEpsilon) / 3;
        var textToImage = -LogEpsilon / 3;
        Assert.Equal(imageToText + textToImage, loss, Tolerance);
    }

    [Fact]
    public void Loss_SharedIdsNotNormalised_EqualsHandValue()
    {
        // ids [0, 0, 1]: rows 0 and 1 have two positives, q0 = q1 = [½, ½, 0], q2 = [0, 0, 1].
        // Images (2, 0, 0), (0, 3, 0), (0, 0, 0.5) normalise to e1, e2, e3; captions (1, 0, 0),
        // (4, 0, 0), (0, 0, 2) normalise to e1, e1, e3, so the loss must normalise internally.
        // i2t row 0: cos [1, 1, 0] → p = [½, ½, 0] = q0: 0.
        // i2t row 1: cos [0, 0, 0] → p = [⅓, ⅓, ⅓]: ⅓(ln ⅓ − ln ½)·2 + ⅓(ln ⅓ − ln ε)
        //   = ⅔ ln ⅔ + ⅓(ln ⅓ − ln ε).
        // i2t row 2: p = e3 = q2: 0. L_i2t = [⅔ ln ⅔ + ⅓(ln ⅓ − ln ε)] / 3 ≈ 1.834571.
        // t2i row 0 (t = e1 vs images e1, e2, e3): p = [1, 0, 0], q0 = [½, ½, 0]: 1·(0 − ln ½) = ln 2.
        // t2i row 1: the same, ln 2. t2i row 2: p = e3 = q2: 0. L_t2i = 2 ln 2 / 3 ≈ 0.462098.
        // L ≈ 2.296669.
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(new float[] { 2, 0, 0, 0, 3, 0, 0, 0, 0.5f }, [3, 3]);
        var captions = torch.tensor(new float[] { 1, 0, 0, 4, 0, 0, 0, 0, 2 }, [3, 3]);
        var ids = torch.tensor(new long[] { 0, 0, 1 });

        var loss = SimilarityDistributionMatching.Loss(images, captions, ids).item<float>();

        var imageToText = (2.0 / 3 * Math.Log(2.0 / 3) + (Math.Log(1.0 / 3) - LogEpsilon) / 3) / 3;
        var textToImage = 2 * Math.Log(2) / 3;
        Assert.Equal(imageToText + textToImage, loss, Tolerance);
    }

    [Fact]
    public void MatchingDistribution_SharedIds_SplitsMassOverPositives()
    {
        using var scope = torch.NewDisposeScope();
        var ids = torch.tensor(new long[] { 0, 0, 1 });

        var q = SimilarityDistributionMatching.MatchingDistribution(ids).data<float>().ToArray();

        Assert.Equal(new float[] { 0.5f, 0.5f, 0, 0.5f, 0.5f, 0, 0, 0, 1 }, q);
    }

    [Fact]
    public void Loss_RandomBatch_MatchesDoubleReference()
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Generator(21);
        var images = torch.randn([6, 8], generator: generator);
        var captions = torch.randn([6, 8], generator: generator);
        long[] idValues = [4, 4, 7, 9, 9, 9];

        var loss = SimilarityDistributionMatching.Loss(images, captions, torch.tensor(idValues)).item<float>();

        var expected = ReferenceSdm(Rows(images), Rows(captions), idValues);
        Assert.Equal(expected, loss, Tolerance);
    }

    [Fact]
    public void Loss_HalfPrecisionInputs_ComputedInFloat32()
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Generator(8);
        var images = torch.randn([5, 16], generator: generator);
        var captions = torch.randn([5, 16], generator: generator);
        var ids = torch.tensor(new long[] { 0, 1, 1, 2, 3 });

        var full = SimilarityDistributionMatching.Loss(images, captions, ids);
        var half = SimilarityDistributionMatching.Loss(images.to_type(ScalarType.Float16), captions.to_type(ScalarType.Float16), ids);

        Assert.Equal(ScalarType.Float32, half.dtype);

        // fp16 inputs carry about 3 significant digits; the logits are ×50, so allow 2e-2.
        Assert.Equal(full.item<float>(), half.item<float>(), 2e-2);
    }

    [Fact]
    public void Loss_Backward_GradientsReachBothInputs()
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Generator(3);
        var images = torch.randn([4, 8], generator: generator).requires_grad_();
        var captions = torch.randn([4, 8], generator: generator).requires_grad_();
        var ids = torch.tensor(new long[] { 0, 0, 1, 2 });

        SimilarityDistributionMatching.Loss(images, captions, ids).backward();

        Assert.NotNull(images.grad);
        Assert.NotNull(captions.grad);
        Assert.True(images.grad!.abs().max().item<float>() > 1e-6);
        Assert.True(captions.grad!.abs().max().item<float>() > 1e-6);
        Assert.True(images.grad.isfinite().all().item<bool>());
        Assert.True(captions.grad.isfinite().all().item<bool>());
    }

    [Fact]
    public void Loss_MismatchedShapes_ErrorNamesBothShapes()
    {
        using var scope = torch.NewDisposeScope();

        var error = Assert.Throws<ArgumentException>(() =>
            SimilarityDistributionMatching.Loss(torch.ones(3, 4), torch.ones(2, 4), torch.zeros(3, dtype: ScalarType.Int64)));

        Assert.Contains("[3, 4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 4]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loss_Int32Ids_ErrorNamesDtype()
    {
        using var scope = torch.NewDisposeScope();

        var error = Assert.Throws<ArgumentException>(() =>
            SimilarityDistributionMatching.Loss(torch.ones(2, 4), torch.ones(2, 4), torch.zeros(2, dtype: ScalarType.Int32)));

        Assert.Contains("Int32", error.Message, StringComparison.Ordinal);
    }

    private static double[][] Rows(Tensor matrix)
    {
        var values = matrix.data<float>().ToArray();
        var columns = (int)matrix.shape[1];
        return Enumerable.Range(0, (int)matrix.shape[0])
            .Select(row => values.Skip(row * columns).Take(columns).Select(value => (double)value).ToArray())
            .ToArray();
    }

    /// <summary>The SDM formulas written out term by term in doubles.</summary>
    private static double ReferenceSdm(double[][] images, double[][] captions, long[] ids)
    {
        const double temperature = 0.02;
        const double epsilon = 1e-8;
        var n = ids.Length;
        var v = images.Select(Normalize).ToArray();
        var t = captions.Select(Normalize).ToArray();

        double Direction(double[][] queries, double[][] keys)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var logits = keys.Select(key => Dot(queries[i], key) / temperature).ToArray();
                var max = logits.Max();
                var logNormalizer = max + Math.Log(logits.Sum(logit => Math.Exp(logit - max)));
                var positives = ids.Count(id => id == ids[i]);
                for (var j = 0; j < n; j++)
                {
                    var logP = logits[j] - logNormalizer;
                    var q = ids[j] == ids[i] ? 1.0 / positives : 0.0;
                    sum += Math.Exp(logP) * (logP - Math.Log(q + epsilon));
                }
            }

            return sum / n;
        }

        return Direction(v, t) + Direction(t, v);
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double[] Normalize(double[] vector)
    {
        var norm = Math.Sqrt(Dot(vector, vector));
        return vector.Select(value => value / norm).ToArray();
    }
}
