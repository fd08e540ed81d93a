namespace UpPerson.Ingest;

/// <summary>Settings for reading frames from a video file or stream.</summary>
public sealed class VideoSourceOptions
{
    /// <summary>
    /// Frames to keep per second of stream time. A 10 fps video sampled at 2 keeps every 5th
    /// frame. A value at or above the stream's frame rate keeps every frame.
    /// </summary>
    public double SampleFramesPerSecond { get; set; } = 2.0;

    /// <summary>
    /// Wall-clock time of the stream's first frame. When null, a file uses its last-write time in
    /// UTC minus its declared duration (recorders finish writing at the end), so re-reading the same
    /// file gives the same timestamps, and a URL uses the time it was opened.
    /// </summary>
    public DateTimeOffset? RecordingStartUtc { get; set; }

    /// <summary>How long opening a stream URL may take before it counts as unreachable.</summary>
    public TimeSpan StreamOpenTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new OptionErrors(nameof(VideoSourceOptions));
        AddProblems(errors);
        errors.ThrowIfAny();
    }

    internal void AddProblems(OptionErrors errors)
    {
        if (!(SampleFramesPerSecond > 0) || double.IsInfinity(SampleFramesPerSecond))
        {
            errors.Add($"{nameof(SampleFramesPerSecond)} must be > 0 and finite, got {SampleFramesPerSecond}");
        }

        if (StreamOpenTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(StreamOpenTimeout)} must be positive, got {StreamOpenTimeout}");
        }
    }
}
