using System.Threading.Channels;

namespace UpPerson.Ingest;

/// <summary>Settings of one camera's <see cref="IngestPipeline"/>.</summary>
public sealed class IngestPipelineOptions
{
    /// <summary>Operator-assigned camera name; part of every sighting id and crop path.</summary>
    public string CameraId { get; set; } = string.Empty;

    /// <summary>Crops embedded per call to the image encoder; the last batch of a stream may be smaller.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Longest wall-clock time a partial batch waits for more crops before it is embedded anyway.</summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Crops that may wait between selection and embedding; bounds memory under back-pressure.</summary>
    public int ChannelCapacity { get; set; } = 64;

    /// <summary>
    /// What selection does when the queue is full. <see cref="BoundedChannelFullMode.Wait"/> slows
    /// reading down, which suits files. A live camera cannot wait, so use
    /// <see cref="BoundedChannelFullMode.DropOldest"/> there; dropped crops are counted.
    /// </summary>
    public BoundedChannelFullMode ChannelFullMode { get; set; } = BoundedChannelFullMode.Wait;

    /// <summary>
    /// After cancellation, how long sightings already embedded may take to reach the sink before
    /// they are abandoned.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public CropOptions Crop { get; set; } = new();

    public TrackerOptions Tracker { get; set; } = new();

    public KeepPolicyOptions Keep { get; set; } = new();

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid setting, nested ones included.</summary>
    public void Validate()
    {
        var errors = new OptionErrors(nameof(IngestPipelineOptions));
        if (string.IsNullOrWhiteSpace(CameraId))
        {
            errors.Add($"{nameof(CameraId)} must name the camera, got '{CameraId}'");
        }

        if (BatchSize < 1)
        {
            errors.Add($"{nameof(BatchSize)} must be >= 1, got {BatchSize}");
        }

        if (MaxBatchDelay <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(MaxBatchDelay)} must be > 0, got {MaxBatchDelay}");
        }

        if (ChannelCapacity < 1)
        {
            errors.Add($"{nameof(ChannelCapacity)} must be >= 1, got {ChannelCapacity}");
        }

        if (!Enum.IsDefined(ChannelFullMode))
        {
            errors.Add($"{nameof(ChannelFullMode)} must be one of {string.Join(", ", Enum.GetNames<BoundedChannelFullMode>())}, got {ChannelFullMode}");
        }

        if (DrainTimeout < TimeSpan.Zero)
        {
            errors.Add($"{nameof(DrainTimeout)} must be >= 0, got {DrainTimeout}");
        }

        AddNestedProblems(errors);
        errors.ThrowIfAny();
    }

    private void AddNestedProblems(OptionErrors errors)
    {
        if (Crop is null || Tracker is null || Keep is null)
        {
            errors.Add($"{nameof(Crop)}, {nameof(Tracker)} and {nameof(Keep)} must be set; remove the null values to use the defaults");
            return;
        }

        Crop.AddProblems(errors.Nested(nameof(Crop)));
        Tracker.AddProblems(errors.Nested(nameof(Tracker)));
        Keep.AddProblems(errors.Nested(nameof(Keep)));
    }
}
