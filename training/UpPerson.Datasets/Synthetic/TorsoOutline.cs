using OpenCvSharp;
using static UpPerson.Datasets.Synthetic.BodyProportions;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Outline of the upper garment in figure coordinates, as a left and a right edge that both run from
/// the neckline down to the hem. In a side view the left edge is the back.
/// </summary>
internal sealed class TorsoOutline
{
    private TorsoOutline(Point2d[] leftEdge, Point2d[] rightEdge, double hemY)
    {
        LeftEdge = leftEdge;
        RightEdge = rightEdge;
        HemY = hemY;
    }

    public Point2d[] LeftEdge { get; }

    public Point2d[] RightEdge { get; }

    public double HemY { get; }

    public static TorsoOutline Front(PersonAttributes person, double build)
    {
        var shoulder = ShoulderHalfWidth(person.Gender) * build;
        var waist = WaistHalfWidth(person.Gender) * build;
        var hemY = UpperHemY(person.Upper);
        var hem = HipHalfWidth(person.Gender) * build + (person.Upper == UpperGarment.Coat ? 0.028 : 0.006);

        Point2d[] right =
        [
            new(0.035, ShoulderY - 0.012),
            new(shoulder - 0.025, ShoulderY - 0.003),
            new(shoulder, ShoulderY + 0.025),
            new(waist + 0.004, WaistY),
            new(hem, hemY),
        ];
        return new TorsoOutline(Mirror(right), right, hemY);
    }

    public static TorsoOutline Side(PersonAttributes person, double build)
    {
        var hemY = UpperHemY(person.Upper);
        var flare = person.Upper == UpperGarment.Coat ? 0.03 : 0.004;
        var chest = person.Gender == GenderPresentation.Woman ? 0.074 : 0.064;

        Point2d[] back =
        [
            new(-0.035, ShoulderY - 0.010),
            new(-0.058 * build, ShoulderY + 0.012),
            new(-0.062 * build, ChestY),
            new(-0.052 * build, WaistY),
            new(-0.058 * build - flare, hemY),
        ];
        Point2d[] front =
        [
            new(0.025, ShoulderY - 0.010),
            new(0.050 * build, ShoulderY + 0.014),
            new(chest * build, ChestY),
            new(0.050 * build, WaistY),
            new(0.056 * build + flare, hemY),
        ];
        return new TorsoOutline(back, front, hemY);
    }

    /// <summary>The closed polygon: down the left edge, then up the right edge.</summary>
    public Point2d[] Polygon()
    {
        var points = new Point2d[LeftEdge.Length + RightEdge.Length];
        LeftEdge.CopyTo(points, 0);
        for (var i = 0; i < RightEdge.Length; i++)
        {
            points[LeftEdge.Length + i] = RightEdge[RightEdge.Length - 1 - i];
        }

        return points;
    }

    /// <summary>Returns the outline with its right edge moved inwards by a figure length, for a lit strip beside a shaded one.</summary>
    public TorsoOutline WithRightEdgeInset(double inset)
    {
        var right = RightEdge.Select((point, index) => index == 0 ? point : new Point2d(point.X - inset, point.Y)).ToArray();
        return new TorsoOutline(LeftEdge, right, HemY);
    }

    /// <summary>Returns the outline with its left edge moved inwards by a figure length.</summary>
    public TorsoOutline WithLeftEdgeInset(double inset)
    {
        var left = LeftEdge.Select((point, index) => index == 0 ? point : new Point2d(point.X + inset, point.Y)).ToArray();
        return new TorsoOutline(left, RightEdge, HemY);
    }

    /// <summary>Left and right x of the outline at a height between the neckline and the hem.</summary>
    public (double Left, double Right) SpanAt(double y) => (Interpolate(LeftEdge, y), Interpolate(RightEdge, y));

    private static double Interpolate(Point2d[] edge, double y)
    {
        if (y <= edge[0].Y)
        {
            return edge[0].X;
        }

        for (var i = 1; i < edge.Length; i++)
        {
            if (y <= edge[i].Y)
            {
                var t = (y - edge[i - 1].Y) / (edge[i].Y - edge[i - 1].Y);
                return edge[i - 1].X + t * (edge[i].X - edge[i - 1].X);
            }
        }

        return edge[^1].X;
    }

    private static Point2d[] Mirror(Point2d[] edge) => edge.Select(point => new Point2d(-point.X, point.Y)).ToArray();
}
