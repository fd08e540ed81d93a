using UpPerson.Evaluation;

namespace UpPerson.Evaluation.Tests;

public sealed class RetrievalErrorTests
{
    [Fact]
    public void TextToImage_QueryWithoutMatch_ErrorNamesIndexAndId()
    {
        var matrix = SimilarityMatrix.FromRows([[0.9f, 0.1f], [0.3f, 0.4f]]);

        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.TextToImage(matrix, [1, 99], [1, 2]));

        Assert.Contains("text query at index 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("person id 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageToText_ImageWithoutCaption_ErrorNamesImageQuery()
    {
        // Image 1 has person id 5, but every caption belongs to person 1.
        var textByImage = SimilarityMatrix.FromRows([[0.9f, 0.1f], [0.3f, 0.4f]]);

        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.ImageToText(textByImage, [1, 1], [1, 5]));

        Assert.Contains("image query at index 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("person id 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accumulator_QueryWithoutMatch_ErrorNamesRowIndex()
    {
        var accumulator = new RetrievalAccumulator([1, 2], RetrievalDirection.TextToImage);
        accumulator.Add(1, [0.9f, 0.1f]);

        var error = Assert.Throws<ArgumentException>(() => accumulator.Add(42, [0.2f, 0.3f]));

        Assert.Contains("index 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("person id 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NaNScore_ErrorNamesRowAndColumn()
    {
        var matrix = SimilarityMatrix.FromRows([[0.9f, 0.1f], [0.3f, float.NaN]]);

        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.TextToImage(matrix, [1, 2], [1, 2]));

        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("gallery index 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_IdCountMismatch_ErrorNamesBothCounts()
    {
        var matrix = SimilarityMatrix.FromRows([[0.9f, 0.1f]]);

        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.TextToImage(matrix, [1], [1, 2, 3]));

        Assert.Contains("2 image gallery columns but 3 gallery person ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRows_RaggedRows_ErrorNamesRow()
    {
        var error = Assert.Throws<ArgumentException>(() => SimilarityMatrix.FromRows([[0.1f, 0.2f], [0.3f]]));

        Assert.Contains("row 1 has 1 scores but row 0 has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SimilarityMatrix_WrongValueCount_ErrorNamesExpectedCount()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimilarityMatrix(new float[5], 2, 3));

        Assert.Contains("needs 6 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateEmbeddings_UnnormalisedEmbedding_ErrorNamesNorm()
    {
        float[][] captions = [[1f, 0f], [3f, 4f]];
        float[][] images = [[1f, 0f]];

        var error = Assert.Throws<ArgumentException>(() =>
            RetrievalEvaluator.EvaluateEmbeddings(captions, [1, 1], images, [1], RetrievalDirection.TextToImage));

        Assert.Contains("text embedding at index 1 has L2 norm 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateEmbeddings_DimensionMismatch_ErrorNamesBothDimensions()
    {
        float[][] captions = [[1f, 0f]];
        float[][] images = [[1f, 0f, 0f]];

        var error = Assert.Throws<ArgumentException>(() =>
            RetrievalEvaluator.EvaluateEmbeddings(captions, [1], images, [1], RetrievalDirection.TextToImage));

        Assert.Contains("dimension 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("have 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accumulator_NoRows_ToMetricsThrows()
    {
        var accumulator = new RetrievalAccumulator([1], RetrievalDirection.TextToImage);

        Assert.Throws<InvalidOperationException>(accumulator.ToMetrics);
    }
}
