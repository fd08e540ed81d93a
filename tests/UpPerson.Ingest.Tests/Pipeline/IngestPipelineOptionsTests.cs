using System.Threading.Channels;

namespace UpPerson.Ingest.Tests;

public sealed class IngestPipelineOptionsTests
{
    [Fact]
    public void Validate_Defaults_RequireCameraId()
    {
        var exception = Assert.Throws<ArgumentException>(() => new IngestPipelineOptions().Validate());

        Assert.Equal("Invalid IngestPipelineOptions: CameraId must name the camera, got ''.", exception.Message);
    }

    [Fact]
    public void Validate_CameraSet_Passes()
    {
        new IngestPipelineOptions { CameraId = "cam-1" }.Validate();
    }

    [Fact]
    public void Validate_SeveralProblems_ListsEachWithNestedNames()
    {
        var options = new IngestPipelineOptions
        {
            CameraId = "cam-1",
            BatchSize = 0,
            ChannelCapacity = -4,
            ChannelFullMode = (BoundedChannelFullMode)42,
            Crop = new CropOptions { MarginFraction = 2 },
            Tracker = new TrackerOptions { MinIou = 1.5 },
            Keep = new KeepPolicyOptions { MaxCropsPerTrack = 0 },
        };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("BatchSize must be >= 1, got 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ChannelCapacity must be >= 1, got -4", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ChannelFullMode must be one of Wait, DropNewest, DropOldest, DropWrite, got 42", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Crop.MarginFraction must be between 0 and 1, got 2", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Tracker.MinIou must be > 0 and <= 1, got 1.5", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Keep.MaxCropsPerTrack must be >= 1, got 0", exception.Message, StringComparison.Ordinal);
    }
}
