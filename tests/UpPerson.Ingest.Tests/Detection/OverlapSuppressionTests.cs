using UpPerson.Contracts;

namespace UpPerson.Ingest.Tests;

public sealed class OverlapSuppressionTests
{
    [Fact]
    public void Apply_GroupBox_IsDropped()
    {
        var left = new PersonDetection(new BoundingBox(100, 100, 40, 90), 2.5f);
        var right = new PersonDetection(new BoundingBox(160, 105, 40, 90), 1.8f);
        var group = new PersonDetection(new BoundingBox(90, 80, 130, 200), 0.4f);

        var kept = OverlapSuppression.Apply([group, left, right], maxOverlap: 0.65);

        Assert.Equal([left, right], kept);
    }

    [Fact]
    public void Apply_NestedWeakBox_IsDropped()
    {
        var outer = new PersonDetection(new BoundingBox(100, 100, 60, 120), 3.0f);
        var inner = new PersonDetection(new BoundingBox(110, 110, 40, 80), 1.0f);

        var kept = OverlapSuppression.Apply([inner, outer], maxOverlap: 0.65);

        Assert.Equal([outer], kept);
    }

    [Fact]
    public void Apply_NeighboursOverlappingByHalf_KeepsBoth()
    {
        // The boxes share 20 of 40 columns: half of the smaller box, below the 0.65 threshold.
        var first = new PersonDetection(new BoundingBox(100, 100, 40, 90), 2.0f);
        var second = new PersonDetection(new BoundingBox(120, 100, 40, 90), 1.5f);

        var kept = OverlapSuppression.Apply([second, first], maxOverlap: 0.65);

        Assert.Equal([first, second], kept);
    }

    [Fact]
    public void Apply_ThresholdOne_KeepsIdenticalBoxes()
    {
        var first = new PersonDetection(new BoundingBox(10, 10, 40, 90), 1.0f);
        var second = new PersonDetection(new BoundingBox(10, 10, 40, 90), 1.0f);

        var kept = OverlapSuppression.Apply([first, second], maxOverlap: 1.0);

        Assert.Equal(2, kept.Count);
    }
}
