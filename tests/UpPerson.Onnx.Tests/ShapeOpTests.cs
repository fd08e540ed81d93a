using UpPerson.Onnx.Tests.Support;

namespace UpPerson.Onnx.Tests;

// Shape ops move values without arithmetic, so every expectation is exact.
public sealed class ShapeOpTests
{
    private static readonly float[] Range12 = [0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f];

    [Fact]
    public void Reshape_ZeroAndMinusOne_CopiesAndInfersDims()
    {
        var builder = new OnnxGraphBuilder("reshape");
        string x = builder.AddInput("x", OnnxElementType.Float, 2, 3, 2);
        builder.AddOutput(builder.Reshape(x, 0, -1), OnnxElementType.Float, 2, 6);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("x", Range12, 2, 3, 2));

        Assert.Equal([2L, 6L], output.Shape);
        Assert.Equal(Range12, output.Floats);
    }

    [Fact]
    public void Reshape_ShapeOfOtherValue_TakesThatShape()
    {
        var builder = new OnnxGraphBuilder("reshape_like");
        string x = builder.AddInput("x", OnnxElementType.Float, 12);
        string like = builder.AddInput("like", OnnxElementType.Float, 4, 3);
        string shape = builder.Shape(like);
        builder.AddOutput(shape, OnnxElementType.Int64, 2);
        builder.AddOutput(builder.Reshape(x, shape), OnnxElementType.Float, 4, 3);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(
            builder,
            TensorInput.Floats("x", Range12, 12),
            TensorInput.Floats("like", new float[12], 4, 3));

        Assert.Equal([4L, 3L], outputs[shape].Int64s);
        Assert.Equal([4L, 3L], outputs["Reshape"].Shape);
        Assert.Equal(Range12, outputs["Reshape"].Floats);
    }

    [Fact]
    public void Transpose_2x3_SwapsAxes()
    {
        var builder = new OnnxGraphBuilder("transpose");
        string x = builder.AddInput("x", OnnxElementType.Float, 2, 3);
        builder.AddOutput(builder.Transpose(x, 1, 0), OnnxElementType.Float, 3, 2);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("x", [1, 2, 3, 4, 5, 6], 2, 3));

        Assert.Equal([3L, 2L], output.Shape);
        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], output.Floats);
    }

    [Theory]
    [InlineData(0L, new[] { 3L, 2L }, new[] { 1f, 2f, 3f, 4f, 5f, 6f })]
    [InlineData(1L, new[] { 2L, 3L }, new[] { 1f, 2f, 5f, 3f, 4f, 6f })]
    public void Concat_TwoInputs_JoinsAlongAxis(long axis, long[] expectedShape, float[] expected)
    {
        var builder = new OnnxGraphBuilder("concat");
        string a = builder.AddInput("a", OnnxElementType.Float, 2, 2);

        // Along axis 0 b is one extra row; along axis 1 it is one extra column.
        long[] bShape = axis == 0 ? [1, 2] : [2, 1];
        string b = builder.AddInitializer("b", [5f, 6f], bShape);
        builder.AddOutput(builder.Concat([a, b], axis), OnnxElementType.Float, expectedShape[0], expectedShape[1]);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("a", [1, 2, 3, 4], 2, 2));

        Assert.Equal(expectedShape, output.Shape);
        Assert.Equal(expected, output.Floats);
    }

    [Fact]
    public void Gather_RowsAndColumns_PicksIndexedEntries()
    {
        var builder = new OnnxGraphBuilder("gather");
        string data = builder.AddInput("data", OnnxElementType.Float, 3, 2);
        string rows = builder.Gather(data, builder.Constant([2L, 0L]), axis: 0);
        string column = builder.Gather(data, builder.Constant([1L]), axis: 1);
        builder.AddOutput(rows, OnnxElementType.Float, 2, 2);
        builder.AddOutput(column, OnnxElementType.Float, 3, 1);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("data", [1, 2, 3, 4, 5, 6], 3, 2));

        Assert.Equal([5f, 6f, 1f, 2f], outputs[rows].Floats);
        Assert.Equal([3L, 1L], outputs[column].Shape);
        Assert.Equal([2f, 4f, 6f], outputs[column].Floats);
    }

    [Fact]
    public void GatherND_BatchDims1_PicksTokenPerSequence()
    {
        // The text encoder's pattern: data [batch, tokens, width], one token index per sequence.
        var builder = new OnnxGraphBuilder("gather_nd");
        string data = builder.AddInput("data", OnnxElementType.Float, 2, 3, 2);
        string tokenIndex = builder.AddInput("token_index", OnnxElementType.Int64, 2, 1);
        builder.AddOutput(builder.GatherND(data, tokenIndex, batchDims: 1), OnnxElementType.Float, 2, 2);

        TensorOutput output = OrtRunner.SaveAndRunSingle(
            builder,
            TensorInput.Floats("data", Range12, 2, 3, 2),
            TensorInput.Int64s("token_index", [2, 0], 2, 1));

        // data[0, 2, :] = [4, 5] and data[1, 0, :] = [6, 7].
        Assert.Equal([2L, 2L], output.Shape);
        Assert.Equal([4f, 5f, 6f, 7f], output.Floats);
    }

    [Fact]
    public void Expand_RowToConstantShape_RepeatsRow()
    {
        var builder = new OnnxGraphBuilder("expand");
        string x = builder.AddInput("x", OnnxElementType.Float, 1, 3);
        builder.AddOutput(builder.Expand(x, 2, 3), OnnxElementType.Float, 2, 3);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("x", [1, 2, 3], 1, 3));

        Assert.Equal([2L, 3L], output.Shape);
        Assert.Equal([1f, 2f, 3f, 1f, 2f, 3f], output.Floats);
    }

    [Fact]
    public void Slice_ConstantBounds_SelectsColumns()
    {
        var builder = new OnnxGraphBuilder("slice");
        string x = builder.AddInput("x", OnnxElementType.Float, 3, 4);
        string middle = builder.Slice(x, starts: [1], ends: [-1], axes: [1]);
        string everyOther = builder.Slice(x, starts: [0], ends: [4], axes: [1], steps: [2]);
        string firstRows = builder.Slice(x, starts: [0], ends: [2]);
        builder.AddOutput(middle, OnnxElementType.Float, 3, 2);
        builder.AddOutput(everyOther, OnnxElementType.Float, 3, 2);
        builder.AddOutput(firstRows, OnnxElementType.Float, 2, 4);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", Range12, 3, 4));

        Assert.Equal([1f, 2f, 5f, 6f, 9f, 10f], outputs[middle].Floats);
        Assert.Equal([0f, 2f, 4f, 6f, 8f, 10f], outputs[everyOther].Floats);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f], outputs[firstRows].Floats);
    }

    [Fact]
    public void Slice_BoundsFromValues_UsesRunTimeLength()
    {
        // Takes the first n rows of a table, with n read from another input's shape at run time.
        var builder = new OnnxGraphBuilder("slice_dynamic");
        string table = builder.AddInitializer("table", Range12, 6, 2);
        string tokens = builder.AddInput("tokens", OnnxElementType.Float, "batch", "n");
        string count = builder.Slice(builder.Shape(tokens), starts: [1], ends: [2]);
        builder.AddOutput(builder.Slice(table, builder.Constant([0L]), count, builder.Constant([0L])), OnnxElementType.Float, "n", 2);

        TensorOutput output = OrtRunner.SaveAndRunSingle(builder, TensorInput.Floats("tokens", new float[3], 1, 3));

        Assert.Equal([3L, 2L], output.Shape);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], output.Floats);
    }

    [Fact]
    public void Squeeze_AfterUnsqueeze_RemovesUnitDims()
    {
        var builder = new OnnxGraphBuilder("unsqueeze");
        string x = builder.AddInput("x", OnnxElementType.Float, 3);
        string unsqueezed = builder.Unsqueeze(x, 0, 2);
        string squeezedFirst = builder.Squeeze(unsqueezed, 0);
        string squeezedAll = builder.Squeeze(unsqueezed);
        builder.AddOutput(unsqueezed, OnnxElementType.Float, 1, 3, 1);
        builder.AddOutput(squeezedFirst, OnnxElementType.Float, 3, 1);
        builder.AddOutput(squeezedAll, OnnxElementType.Float, 3);

        IReadOnlyDictionary<string, TensorOutput> outputs = OrtRunner.SaveAndRun(builder, TensorInput.Floats("x", [1, 2, 3], 3));

        Assert.Equal([1L, 3L, 1L], outputs[unsqueezed].Shape);
        Assert.Equal([3L, 1L], outputs[squeezedFirst].Shape);
        Assert.Equal([3L], outputs[squeezedAll].Shape);
        Assert.Equal([1f, 2f, 3f], outputs[squeezedAll].Floats);
    }
}
