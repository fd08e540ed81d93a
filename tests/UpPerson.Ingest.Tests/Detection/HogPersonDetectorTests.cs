using OpenCvSharp;

namespace UpPerson.Ingest.Tests;

public sealed class HogPersonDetectorTests
{
    // At the default options, OpenCvSharp4 4.13.0.20261107 finds 4, 7, 4 and 6 boxes in these frames.
    // Checked by eye, the boxes are people except one door beside the white van. The ranges allow for
    // small changes in OpenCV's resizing or grouping.
    [Theory]
    [InlineData(0, 3, 6)]
    [InlineData(200, 5, 9)]
    [InlineData(400, 3, 6)]
    [InlineData(600, 4, 8)]
    public void Detect_VtestFrame_FindsPeopleInsideFrame(int frameIndex, int minCount, int maxCount)
    {
        var options = new HogDetectorOptions();
        using var detector = new HogPersonDetector(options);
        using var frame = VtestFrames.Read(frameIndex);

        var detections = detector.Detect(frame);

        Assert.InRange(detections.Count, minCount, maxCount);
        foreach (var detection in detections)
        {
            Assert.InRange(detection.Box.X, 0, TestVideos.VtestWidth - 1);
            Assert.InRange(detection.Box.Y, 0, TestVideos.VtestHeight - 1);
            Assert.InRange(detection.Box.Right, 1, TestVideos.VtestWidth);
            Assert.InRange(detection.Box.Bottom, 1, TestVideos.VtestHeight);
            Assert.True(detection.Box.Height >= options.MinBoxHeightPixels, $"Box {detection.Box} is shorter than the minimum.");
            Assert.True(detection.Box.Height > detection.Box.Width, $"Box {detection.Box} is not upright like a person.");
            Assert.True(detection.Score >= options.MinScore, $"Score {detection.Score} is below the minimum.");
        }

        var scores = detections.Select(detection => detection.Score).ToList();
        Assert.Equal(scores.OrderByDescending(score => score), scores);
    }

    [Fact]
    public void Detect_UniformFrame_FindsNobody()
    {
        using var detector = new HogPersonDetector(new HogDetectorOptions());
        using var frame = new Mat(TestVideos.VtestHeight, TestVideos.VtestWidth, MatType.CV_8UC3, new Scalar(128, 128, 128));

        var detections = detector.Detect(frame);

        Assert.Empty(detections);
    }

    [Fact]
    public void Detect_HigherMinimumHeight_DropsShortBoxes()
    {
        using var defaultDetector = new HogPersonDetector(new HogDetectorOptions());
        using var strictDetector = new HogPersonDetector(new HogDetectorOptions { MinBoxHeightPixels = 110 });
        using var frame = VtestFrames.Read(200);

        var all = defaultDetector.Detect(frame);
        var tall = strictDetector.Detect(frame);

        Assert.Equal(all.Where(detection => detection.Box.Height >= 110), tall);
        Assert.True(tall.Count < all.Count, $"Expected some boxes in frame 200 below 110 pixels, got heights {string.Join(", ", all.Select(detection => detection.Box.Height))}.");
    }

    [Fact]
    public void Detect_GrayscaleFrame_ThrowsNamingType()
    {
        using var detector = new HogPersonDetector(new HogDetectorOptions());
        using var frame = new Mat(120, 160, MatType.CV_8UC1, Scalar.All(0));

        var exception = Assert.Throws<ArgumentException>(() => detector.Detect(frame));

        Assert.Contains("CV_8UC1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new HogDetectorOptions
        {
            UpscaleFactor = 0.5,
            WindowStridePixels = 12,
            PyramidScale = 1,
            MinBoxHeightPixels = 0,
        };

        var exception = Assert.Throws<ArgumentException>(() => new HogPersonDetector(options));

        Assert.Contains("UpscaleFactor must be between 1 and 4, got 0.5", exception.Message, StringComparison.Ordinal);
        Assert.Contains("WindowStridePixels must be a positive multiple of 8, got 12", exception.Message, StringComparison.Ordinal);
        Assert.Contains("PyramidScale must be > 1 and <= 2, got 1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MinBoxHeightPixels must be >= 1, got 0", exception.Message, StringComparison.Ordinal);
    }
}
