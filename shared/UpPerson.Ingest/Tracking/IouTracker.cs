using UpPerson.Contracts;

namespace UpPerson.Ingest;

/// <summary>
/// Links person boxes across sampled frames of one camera by box overlap (intersection over union).
/// </summary>
/// <remarks>
/// Matching is greedy: the pair with the highest IoU is linked first, and each track and detection
/// is used at most once per frame. Detections left over start new tracks. The tracker uses no
/// appearance, so two people crossing can swap tracks.
/// </remarks>
public sealed class IouTracker
{
    private readonly TrackerOptions _options;
    private readonly List<Track> _tracks = [];
    private long _nextTrackId;
    private DateTimeOffset? _lastTimestamp;

    /// <param name="options">Matching and expiry settings.</param>
    /// <param name="firstTrackId">
    /// Id of the first track; later tracks count up from it. Derive it from the recording start to keep
    /// ids of one camera distinct across recordings.
    /// </param>
    public IouTracker(TrackerOptions options, long firstTrackId = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _options = options;
        _nextTrackId = firstTrackId;
    }

    /// <summary>Tracks alive after the last update.</summary>
    public int ActiveTrackCount => _tracks.Count;

    /// <summary>
    /// Ends tracks unmatched for longer than the maximum gap, then assigns each detection of the frame at
    /// <paramref name="timestampUtc"/> to a track. Frames must come in stream order.
    /// </summary>
    public TrackingUpdate Update(DateTimeOffset timestampUtc, IReadOnlyList<PersonDetection> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        if (timestampUtc < _lastTimestamp)
        {
            throw new ArgumentException(
                $"Frame time {timestampUtc:O} is before the previous frame's {_lastTimestamp:O}; feed frames in stream order.",
                nameof(timestampUtc));
        }

        _lastTimestamp = timestampUtc;
        var endedTrackIds = EndStaleTracks(timestampUtc);

        var trackOfDetection = MatchGreedily(detections);

        var assigned = new TrackedDetection[detections.Count];
        for (var i = 0; i < detections.Count; i++)
        {
            var track = trackOfDetection[i];
            var startsTrack = track is null;
            if (track is null)
            {
                track = new Track(_nextTrackId++);
                _tracks.Add(track);
            }

            track.LastBox = detections[i].Box;
            track.LastSeenUtc = timestampUtc;
            assigned[i] = new TrackedDetection(detections[i], track.Id, startsTrack);
        }

        return new TrackingUpdate(assigned, endedTrackIds);
    }

    private List<long> EndStaleTracks(DateTimeOffset timestampUtc)
    {
        var ended = new List<long>();
        _tracks.RemoveAll(track =>
        {
            var stale = timestampUtc - track.LastSeenUtc > _options.MaxGap;
            if (stale)
            {
                ended.Add(track.Id);
            }

            return stale;
        });
        return ended;
    }

    private Track?[] MatchGreedily(IReadOnlyList<PersonDetection> detections)
    {
        var pairs = new List<(double Iou, int TrackIndex, int DetectionIndex)>();
        for (var t = 0; t < _tracks.Count; t++)
        {
            for (var d = 0; d < detections.Count; d++)
            {
                var iou = _tracks[t].LastBox.IntersectionOverUnion(detections[d].Box);
                if (iou >= _options.MinIou)
                {
                    pairs.Add((iou, t, d));
                }
            }
        }

        // Ties go to the older track and the earlier detection, so results do not depend on sort stability.
        pairs.Sort((a, b) =>
        {
            var byIou = b.Iou.CompareTo(a.Iou);
            if (byIou != 0)
            {
                return byIou;
            }

            var byTrack = a.TrackIndex.CompareTo(b.TrackIndex);
            return byTrack != 0 ? byTrack : a.DetectionIndex.CompareTo(b.DetectionIndex);
        });

        var trackOfDetection = new Track?[detections.Count];
        var trackTaken = new bool[_tracks.Count];
        foreach (var (_, trackIndex, detectionIndex) in pairs)
        {
            if (trackTaken[trackIndex] || trackOfDetection[detectionIndex] is not null)
            {
                continue;
            }

            trackTaken[trackIndex] = true;
            trackOfDetection[detectionIndex] = _tracks[trackIndex];
        }

        return trackOfDetection;
    }

    private sealed class Track(long id)
    {
        public long Id { get; } = id;

        public BoundingBox LastBox { get; set; }

        public DateTimeOffset LastSeenUtc { get; set; }
    }
}
