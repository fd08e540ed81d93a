using OpenCvSharp;
using UpPerson.Contracts;

namespace UpPerson.Ingest.Tests;

public sealed class CropStoreTests
{
    private static readonly DateTimeOffset Seen = new(2024, 5, 6, 23, 59, 58, TimeSpan.Zero);

    [Fact]
    public void Save_Crop_WritesDecodableJpegAtDeterministicPath()
    {
        using var folder = new TempFolder();
        var store = new CropStore(new CropStoreOptions { RootDirectory = folder.Path, JpegQuality = 95 });
        var box = new BoundingBox(0, 20, 30, 100);
        var sightingId = SightingId.Create("cam-1", Seen, box);
        using var crop = new Mat(box.Height, box.Width, MatType.CV_8UC3, new Scalar(200, 100, 50));

        var relativePath = store.Save(crop, "cam-1", Seen, sightingId);

        Assert.Equal($"cam-1/2024-05-06/{sightingId}.jpg", relativePath);
        var fullPath = Path.Combine(folder.Path, "cam-1", "2024-05-06", $"{sightingId}.jpg");
        Assert.Equal(fullPath, store.GetFullPath(relativePath));
        using var decoded = Cv2.ImRead(fullPath, ImreadModes.Color);
        Assert.Equal(new Size(30, 100), decoded.Size());

        // JPEG is lossy: a flat colour comes back within a few levels per channel.
        var mean = decoded.Mean();
        Assert.InRange(mean.Val0, 195, 205);
        Assert.InRange(mean.Val1, 95, 105);
        Assert.InRange(mean.Val2, 45, 55);
    }

    [Fact]
    public void Save_Twice_LeavesOneFile()
    {
        using var folder = new TempFolder();
        var store = new CropStore(new CropStoreOptions { RootDirectory = folder.Path });
        using var crop = new Mat(64, 32, MatType.CV_8UC3, new Scalar(1, 2, 3));
        var sightingId = SightingId.Create("cam-1", Seen, new BoundingBox(5, 5, 32, 64));

        var first = store.Save(crop, "cam-1", Seen, sightingId);
        var firstBytes = File.ReadAllBytes(store.GetFullPath(first));
        var second = store.Save(crop, "cam-1", Seen, sightingId);

        Assert.Equal(first, second);
        Assert.Equal(firstBytes, File.ReadAllBytes(store.GetFullPath(second)));
        var files = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories);
        Assert.Equal([store.GetFullPath(first)], files);
    }

    [Fact]
    public void Save_LowerQuality_WritesSmallerFile()
    {
        using var folder = new TempFolder();
        var low = new CropStore(new CropStoreOptions { RootDirectory = Path.Combine(folder.Path, "low"), JpegQuality = 20 });
        var high = new CropStore(new CropStoreOptions { RootDirectory = Path.Combine(folder.Path, "high"), JpegQuality = 95 });
        using var crop = new Mat(128, 64, MatType.CV_8UC3);
        Cv2.Randu(crop, Scalar.All(0), Scalar.All(255));
        var sightingId = SightingId.Create("cam-1", Seen, new BoundingBox(0, 0, 64, 128));

        var lowSize = new FileInfo(low.GetFullPath(low.Save(crop, "cam-1", Seen, sightingId))).Length;
        var highSize = new FileInfo(high.GetFullPath(high.Save(crop, "cam-1", Seen, sightingId))).Length;

        Assert.True(lowSize < highSize, $"Quality 20 wrote {lowSize} bytes, quality 95 wrote {highSize}.");
    }

    [Theory]
    [InlineData("Lobby East/2", "Lobby%20East%2F2")]
    [InlineData("..", "%2E.")]
    [InlineData(".hidden", "%2Ehidden")]
    [InlineData("cam_7.north-gate", "cam_7.north-gate")]
    [InlineData("100%", "100%25")]
    [InlineData("Café", "Caf%C3%A9")]
    public void GetRelativePath_CameraId_EncodesUnsafeCharacters(string cameraId, string expectedFolder)
    {
        var relativePath = CropStore.GetRelativePath(cameraId, Seen, "0123abcd");

        Assert.Equal($"{expectedFolder}/2024-05-06/0123abcd.jpg", relativePath);
    }

    [Fact]
    public void GetRelativePath_NonUtcTimestamp_UsesUtcDate()
    {
        var lateEvening = new DateTimeOffset(2024, 5, 6, 22, 30, 0, TimeSpan.FromHours(-5));

        var relativePath = CropStore.GetRelativePath("cam-1", lateEvening, "0123abcd");

        Assert.Equal("cam-1/2024-05-07/0123abcd.jpg", relativePath);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("id.with.dots")]
    public void GetRelativePath_UnsafeSightingId_Throws(string sightingId)
    {
        var exception = Assert.Throws<ArgumentException>(() => CropStore.GetRelativePath("cam-1", Seen, sightingId));

        Assert.Contains(sightingId, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetFullPath_PathLeavingRoot_Throws()
    {
        using var folder = new TempFolder();
        var store = new CropStore(new CropStoreOptions { RootDirectory = folder.Path });

        var exception = Assert.Throws<ArgumentException>(() => store.GetFullPath("../outside.jpg"));

        Assert.Contains("../outside.jpg", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new CropStoreOptions { RootDirectory = " ", JpegQuality = 101 };

        var exception = Assert.Throws<ArgumentException>(() => new CropStore(options));

        Assert.Contains("RootDirectory must name a folder, got ' '", exception.Message, StringComparison.Ordinal);
        Assert.Contains("JpegQuality must be between 1 and 100, got 101", exception.Message, StringComparison.Ordinal);
    }
}
