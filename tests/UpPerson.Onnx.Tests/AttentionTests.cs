using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

/// <summary>
/// A causal multi-head attention block with extra key and value rows in front of the tokens (the
/// shape of prefix tuning), written with the builder and checked against plain loops.
/// </summary>
public sealed class AttentionTests
{
    private const int Batch = 2;
    private const int Tokens = 3;
    private const int Width = 4;
    private const int Heads = 2;
    private const int HeadDim = Width / Heads;
    private const int PrefixRows = 2;
    private const int KeyRows = PrefixRows + Tokens;
    private const double Tolerance = 1e-5;

    private readonly float[] _queryWeight = Naive.RandomValues(Width * Width, seed: 21);
    private readonly float[] _queryBias = Naive.RandomValues(Width, seed: 22);
    private readonly float[] _keyWeight = Naive.RandomValues(Width * Width, seed: 23);
    private readonly float[] _keyBias = Naive.RandomValues(Width, seed: 24);
    private readonly float[] _valueWeight = Naive.RandomValues(Width * Width, seed: 25);
    private readonly float[] _valueBias = Naive.RandomValues(Width, seed: 26);
    private readonly float[] _outWeight = Naive.RandomValues(Width * Width, seed: 27);
    private readonly float[] _outBias = Naive.RandomValues(Width, seed: 28);
    private readonly float[] _prefixKeys = Naive.RandomValues(PrefixRows * Width, seed: 29);
    private readonly float[] _prefixValues = Naive.RandomValues(PrefixRows * Width, seed: 30);
    private readonly float[] _mask = CausalMask();

    [Fact]
    public void Attention_PrefixRowsCausalMask_MatchesNaive()
    {
        float[] input = Naive.RandomValues(Batch * Tokens * Width, seed: 31);
        float[] expected = NaiveAttention(input);

        TensorOutput output = OrtRunner.SaveAndRunSingle(BuildGraph(), TensorInput.Floats("x", input, Batch, Tokens, Width));

        Assert.Equal([(long)Batch, Tokens, Width], output.Shape);
        AssertTensor.Close(expected, output.Floats, Tolerance);
    }

    private OnnxGraphBuilder BuildGraph()
    {
        var builder = new OnnxGraphBuilder("attention");
        string x = builder.AddInput("x", OnnxElementType.Float, "batch", Tokens, Width);

        string result;
        using (builder.Scope("attn"))
        {
            // [batch, tokens, width] each
            string query = Linear(builder, x, "q_proj", _queryWeight, _queryBias);
            string key = Linear(builder, x, "k_proj", _keyWeight, _keyBias);
            string value = Linear(builder, x, "v_proj", _valueWeight, _valueBias);

            // Broadcast the prefix rows over the run-time batch and put them before the tokens: [batch, key rows, width].
            string batchDim = builder.Slice(builder.Shape(x), starts: [0], ends: [1]);
            string prefixShape = builder.Concat([batchDim, builder.Constant([(long)PrefixRows, Width])], axis: 0);
            string prefixKeys = builder.Expand(builder.Unsqueeze(builder.AddInitializer("prefix_keys", _prefixKeys, PrefixRows, Width), 0), prefixShape);
            string prefixValues = builder.Expand(builder.Unsqueeze(builder.AddInitializer("prefix_values", _prefixValues, PrefixRows, Width), 0), prefixShape);
            string keys = builder.Concat([prefixKeys, key], axis: 1);
            string values = builder.Concat([prefixValues, value], axis: 1);

            // Split heads: q and v [batch, heads, rows, head dim]; k transposed to [batch, heads, head dim, key rows].
            string queryHeads = builder.Transpose(builder.Reshape(query, 0, 0, Heads, HeadDim), 0, 2, 1, 3);
            string keyHeadsT = builder.Transpose(builder.Reshape(keys, 0, 0, Heads, HeadDim), 0, 2, 3, 1);
            string valueHeads = builder.Transpose(builder.Reshape(values, 0, 0, Heads, HeadDim), 0, 2, 1, 3);

            // [batch, heads, tokens, key rows]
            string scores = builder.Mul(builder.MatMul(queryHeads, keyHeadsT), builder.Constant(1f / MathF.Sqrt(HeadDim)));
            string mask = builder.AddInitializer("causal_mask", _mask, Tokens, KeyRows);
            string weights = builder.Softmax(builder.Add(scores, mask), axis: -1);

            // [batch, heads, tokens, head dim] -> [batch, tokens, width]
            string context = builder.MatMul(weights, valueHeads);
            string merged = builder.Reshape(builder.Transpose(context, 0, 2, 1, 3), 0, 0, Width);
            result = Linear(builder, merged, "out_proj", _outWeight, _outBias);
        }

        builder.AddOutput(result, OnnxElementType.Float, "batch", Tokens, Width);
        return builder;
    }

    private static string Linear(OnnxGraphBuilder builder, string x, string name, float[] weight, float[] bias)
    {
        using (builder.Scope(name))
        {
            string weightName = builder.AddInitializer("weight", weight, Width, Width);
            string biasName = builder.AddInitializer("bias", bias, Width);
            return builder.Add(builder.MatMul(x, weightName), biasName);
        }
    }

    /// <summary>
    /// Returns the additive mask [tokens, key rows]. Every token may attend to all prefix rows and
    /// to the tokens up to itself. Later tokens get minus infinity, as in CLIP's text encoder.
    /// </summary>
    private static float[] CausalMask()
    {
        var mask = new float[Tokens * KeyRows];
        for (int token = 0; token < Tokens; token++)
        {
            for (int row = 0; row < KeyRows; row++)
            {
                bool isLaterToken = row >= PrefixRows && row - PrefixRows > token;
                mask[token * KeyRows + row] = isLaterToken ? float.NegativeInfinity : 0f;
            }
        }

        return mask;
    }

    private float[] NaiveAttention(float[] input)
    {
        int rows = Batch * Tokens;
        float[] query = Naive.Linear(input, _queryWeight, _queryBias, rows, Width, Width);
        float[] key = Naive.Linear(input, _keyWeight, _keyBias, rows, Width, Width);
        float[] value = Naive.Linear(input, _valueWeight, _valueBias, rows, Width, Width);

        var context = new float[rows * Width];
        var scores = new double[KeyRows];
        for (int b = 0; b < Batch; b++)
        {
            for (int h = 0; h < Heads; h++)
            {
                for (int t = 0; t < Tokens; t++)
                {
                    for (int j = 0; j < KeyRows; j++)
                    {
                        double dot = 0;
                        for (int d = 0; d < HeadDim; d++)
                        {
                            int channel = h * HeadDim + d;
                            dot += query[(b * Tokens + t) * Width + channel] * KeyRow(key, b, j, channel);
                        }

                        scores[j] = dot / Math.Sqrt(HeadDim) + _mask[t * KeyRows + j];
                    }

                    double max = scores.Max();
                    double[] exponentials = scores.Select(score => Math.Exp(score - max)).ToArray();
                    double total = exponentials.Sum();
                    for (int d = 0; d < HeadDim; d++)
                    {
                        int channel = h * HeadDim + d;
                        double sum = 0;
                        for (int j = 0; j < KeyRows; j++)
                        {
                            sum += exponentials[j] / total * ValueRow(value, b, j, channel);
                        }

                        context[(b * Tokens + t) * Width + channel] = (float)sum;
                    }
                }
            }
        }

        return Naive.Linear(context, _outWeight, _outBias, rows, Width, Width);
    }

    // Row j of the keys or values: a prefix row first, then the batch's own tokens.
    private float KeyRow(float[] key, int b, int j, int channel) =>
        j < PrefixRows ? _prefixKeys[j * Width + channel] : key[(b * Tokens + j - PrefixRows) * Width + channel];

    private float ValueRow(float[] value, int b, int j, int channel) =>
        j < PrefixRows ? _prefixValues[j * Width + channel] : value[(b * Tokens + j - PrefixRows) * Width + channel];
}
