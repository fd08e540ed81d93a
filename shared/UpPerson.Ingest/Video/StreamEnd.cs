namespace UpPerson.Ingest;

/// <summary>How reading a video stream ended.</summary>
public enum StreamEnd
{
    /// <summary>The source reported its end after every frame it declared, or it declared no count.</summary>
    Completed,

    /// <summary>The source stopped before the frame count its container declares.</summary>
    Truncated,

    /// <summary>The reader stopped early through cancellation or by disposing the enumerator.</summary>
    Cancelled,

    /// <summary>A live stream (no declared frame count) stopped delivering frames: the camera or network dropped.</summary>
    Disconnected,
}
