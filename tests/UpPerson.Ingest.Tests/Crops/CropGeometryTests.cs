using OpenCvSharp;
using UpPerson.Contracts;

namespace UpPerson.Ingest.Tests;

public sealed class CropGeometryTests
{
    private const int FrameWidth = 200;
    private const int FrameHeight = 150;

    [Theory]
    [InlineData(-10, 20, 40, 100, 0, 20, 30, 100)]
    [InlineData(20, -30, 40, 100, 20, 0, 40, 70)]
    [InlineData(180, 100, 40, 100, 180, 100, 20, 50)]
    [InlineData(-5, -5, 210, 160, 0, 0, 200, 150)]
    public void Locate_BoxPartlyOutside_ClampsToFrame(
        int x, int y, int width, int height, int expectedX, int expectedY, int expectedWidth, int expectedHeight)
    {
        var geometry = new CropGeometry(new CropOptions { MinWidthPixels = 16, MinHeightPixels = 48 });

        var region = geometry.Locate(new BoundingBox(x, y, width, height), FrameWidth, FrameHeight);

        var expected = new BoundingBox(expectedX, expectedY, expectedWidth, expectedHeight);
        Assert.NotNull(region);
        Assert.Equal(expected, region.Value.PersonBox);
        Assert.Equal(expected, region.Value.CropBox);
    }

    [Theory]
    [InlineData(250, 20, 40, 100)]
    [InlineData(-50, 20, 40, 100)]
    [InlineData(190, 20, 40, 100)]
    [InlineData(20, 110, 40, 100)]
    [InlineData(20, 20, 0, 100)]
    public void Locate_BoxEmptyOrTooSmallAfterClamping_ReturnsNull(int x, int y, int width, int height)
    {
        var geometry = new CropGeometry(new CropOptions { MinWidthPixels = 16, MinHeightPixels = 48 });

        var region = geometry.Locate(new BoundingBox(x, y, width, height), FrameWidth, FrameHeight);

        Assert.Null(region);
    }

    [Fact]
    public void Locate_Margin_GrowsCropAndClampsIt()
    {
        var geometry = new CropGeometry(new CropOptions { MarginFraction = 0.1 });

        var inside = geometry.Locate(new BoundingBox(50, 30, 40, 100), FrameWidth, FrameHeight);
        var atEdge = geometry.Locate(new BoundingBox(0, 0, 40, 100), FrameWidth, FrameHeight);

        Assert.Equal(new CropRegion(new BoundingBox(50, 30, 40, 100), new BoundingBox(46, 20, 48, 120)), inside);
        Assert.Equal(new CropRegion(new BoundingBox(0, 0, 40, 100), new BoundingBox(0, 0, 44, 110)), atEdge);
    }

    [Fact]
    public void CopyPixels_ClampedBox_CopiesThoseFramePixels()
    {
        using var frame = new Mat(FrameHeight, FrameWidth, MatType.CV_8UC3, new Scalar(10, 20, 30));
        using (var person = new Mat(frame, new Rect(0, 20, 30, 100)))
        {
            person.SetTo(new Scalar(200, 100, 50));
        }

        var geometry = new CropGeometry(new CropOptions());
        var region = geometry.Locate(new BoundingBox(-10, 20, 40, 100), FrameWidth, FrameHeight)!.Value;

        using var crop = CropGeometry.CopyPixels(frame, region.CropBox);
        frame.SetTo(Scalar.All(0));

        Assert.Equal(new Size(30, 100), crop.Size());
        Assert.Equal(new Scalar(200, 100, 50, 0), crop.Mean());
    }

    [Fact]
    public void CopyPixels_BoxOutsideFrame_Throws()
    {
        using var frame = new Mat(FrameHeight, FrameWidth, MatType.CV_8UC3, Scalar.All(0));

        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => CropGeometry.CopyPixels(frame, new BoundingBox(-10, 20, 40, 100)));

        Assert.Contains("-10,20,40x100", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new CropOptions { MarginFraction = -0.5, MinWidthPixels = 0, MinHeightPixels = -3 };

        var exception = Assert.Throws<ArgumentException>(() => new CropGeometry(options));

        Assert.Contains("MarginFraction must be between 0 and 1, got -0.5", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MinWidthPixels must be >= 1, got 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MinHeightPixels must be >= 1, got -3", exception.Message, StringComparison.Ordinal);
    }
}
