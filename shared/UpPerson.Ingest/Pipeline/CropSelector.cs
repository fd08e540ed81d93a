namespace UpPerson.Ingest;

/// <summary>
/// Turns sampled frames into the crops worth embedding: detect people, clamp and size-check
/// their boxes, link them into tracks and keep a few crops per track.
/// </summary>
/// <remarks>One instance serves one camera and expects its frames in stream order; it is not thread-safe.</remarks>
public sealed class CropSelector
{
    private readonly IPersonDetector _detector;
    private readonly CropGeometry _geometry;
    private readonly IouTracker _tracker;
    private readonly TrackKeepPolicy _keepPolicy;
    private long _framesAnalyzed;
    private long _detections;
    private long _droppedTooSmall;
    private long _tracksStarted;

    public CropSelector(
        IPersonDetector detector,
        CropGeometry geometry,
        IouTracker tracker,
        TrackKeepPolicy keepPolicy)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(keepPolicy);

        _detector = detector;
        _geometry = geometry;
        _tracker = tracker;
        _keepPolicy = keepPolicy;
    }

    public SelectionCounts Counts =>
        new(_framesAnalyzed, _detections, _droppedTooSmall, _tracksStarted, _keepPolicy.Counts);

    /// <summary>Returns the crops to keep from this frame; the caller disposes them.</summary>
    public IReadOnlyList<SelectedCrop> Select(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);

        var detections = _detector.Detect(frame.Image);
        _framesAnalyzed++;
        _detections += detections.Count;

        var located = new List<(PersonDetection Detection, CropRegion Region)>(detections.Count);
        foreach (var detection in detections)
        {
            if (_geometry.Locate(detection.Box, frame.Width, frame.Height) is { } region)
            {
                // The tracker follows the clamped box, which is also the box sightings store.
                located.Add((detection with { Box = region.PersonBox }, region));
            }
            else
            {
                _droppedTooSmall++;
            }
        }

        var update = _tracker.Update(frame.TimestampUtc, located.ConvertAll(item => item.Detection));
        _keepPolicy.Forget(update.EndedTrackIds);

        var crops = new List<SelectedCrop>();
        for (var i = 0; i < update.Detections.Count; i++)
        {
            var tracked = update.Detections[i];
            if (tracked.StartsTrack)
            {
                _tracksStarted++;
            }

            if (_keepPolicy.Decide(tracked.TrackId, frame.TimestampUtc) != KeepDecision.Keep)
            {
                continue;
            }

            var region = located[i].Region;
            crops.Add(new SelectedCrop(
                CropGeometry.CopyPixels(frame.Image, region.CropBox),
                region,
                tracked.Detection.Score,
                tracked.TrackId,
                frame.Index,
                frame.TimestampUtc));
        }

        return crops;
    }
}
