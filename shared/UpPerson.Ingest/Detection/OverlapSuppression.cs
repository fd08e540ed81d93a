namespace UpPerson.Ingest;

/// <summary>
/// Greedy non-maximum suppression that measures overlap against the smaller of two boxes.
/// </summary>
/// <remarks>
/// Intersection over union keeps a large box drawn around two or three people, because each person
/// covers only a small part of it. Intersection over the smaller area is close to 1 for such a box,
/// so the weaker of the two is dropped.
/// </remarks>
public static class OverlapSuppression
{
    /// <summary>
    /// Returns the detections, strongest first, without any box whose intersection with a stronger
    /// kept box exceeds <paramref name="maxOverlap"/> of the smaller box's area. Equal scores keep input order.
    /// </summary>
    public static IReadOnlyList<PersonDetection> Apply(IEnumerable<PersonDetection> detections, double maxOverlap)
    {
        ArgumentNullException.ThrowIfNull(detections);

        var ordered = detections
            .Select((detection, order) => (detection, order))
            .OrderByDescending(item => item.detection.Score)
            .ThenBy(item => item.order)
            .Select(item => item.detection);
        var kept = new List<PersonDetection>();
        foreach (var candidate in ordered)
        {
            if (!kept.Exists(stronger => OverlapOfSmaller(stronger, candidate) > maxOverlap))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    private static double OverlapOfSmaller(PersonDetection first, PersonDetection second)
    {
        var smallerArea = Math.Min(first.Box.Area, second.Box.Area);
        if (smallerArea == 0)
        {
            return 0;
        }

        var width = Math.Min(first.Box.Right, second.Box.Right) - Math.Max(first.Box.X, second.Box.X);
        var height = Math.Min(first.Box.Bottom, second.Box.Bottom) - Math.Max(first.Box.Y, second.Box.Y);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        return (double)width * height / smallerArea;
    }
}
