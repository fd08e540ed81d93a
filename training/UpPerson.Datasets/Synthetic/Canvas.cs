using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Anti-aliased drawing on a BGR image with sub-pixel coordinates. OpenCV's fixed-point "shift"
/// argument carries the fractional part, so small parts such as eyes and straps do not snap to
/// whole pixels.
/// </summary>
internal sealed class Canvas(Mat image)
{
    private const int Shift = 3;
    private const double Scale = 1 << Shift;

    public Mat Image { get; } = image;

    public void FillPolygon(ReadOnlySpan<Point2d> points, Scalar colour)
    {
        var fixedPoints = new Point[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            fixedPoints[i] = ToFixed(points[i]);
        }

        Cv2.FillPoly(Image, [fixedPoints], colour, LineTypes.AntiAlias, Shift);
    }

    public void FillEllipse(Point2d centre, double radiusX, double radiusY, Scalar colour, double angleDegrees = 0) =>
        DrawEllipseArc(centre, radiusX, radiusY, 0, 360, colour, -1, angleDegrees);

    /// <summary>Fills the part of an ellipse between two angles (degrees, clockwise from +x, as OpenCV draws them).</summary>
    public void FillEllipseArc(Point2d centre, double radiusX, double radiusY, double startDegrees, double endDegrees, Scalar colour) =>
        DrawEllipseArc(centre, radiusX, radiusY, startDegrees, endDegrees, colour, -1, 0);

    public void StrokeEllipse(Point2d centre, double radiusX, double radiusY, double thickness, Scalar colour) =>
        DrawEllipseArc(centre, radiusX, radiusY, 0, 360, colour, Math.Max(1, (int)Math.Round(thickness)), 0);

    public void FillCircle(Point2d centre, double radius, Scalar colour) =>
        Cv2.Circle(Image, ToFixed(centre), Math.Max(1, (int)Math.Round(radius * Scale)), colour, -1, LineTypes.AntiAlias, Shift);

    public void FillRectangle(double left, double top, double right, double bottom, Scalar colour) =>
        FillPolygon([new(left, top), new(right, top), new(right, bottom), new(left, bottom)], colour);

    public void Line(Point2d from, Point2d to, double thickness, Scalar colour) =>
        Cv2.Line(Image, ToFixed(from), ToFixed(to), colour, Math.Max(1, (int)Math.Round(thickness)), LineTypes.AntiAlias, Shift);

    /// <summary>
    /// Fills a tapered limb from <paramref name="from"/> to <paramref name="to"/> with rounded ends,
    /// <paramref name="widthFrom"/> wide at the start and <paramref name="widthTo"/> wide at the end.
    /// </summary>
    public void Limb(Point2d from, Point2d to, double widthFrom, double widthTo, Scalar colour)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length < 1e-6)
        {
            FillCircle(from, Math.Max(widthFrom, widthTo) / 2, colour);
            return;
        }

        // Unit normal of the segment, scaled to half of each end's width.
        var nx = -dy / length;
        var ny = dx / length;
        var halfFrom = widthFrom / 2;
        var halfTo = widthTo / 2;

        FillPolygon(
        [
            new(from.X + nx * halfFrom, from.Y + ny * halfFrom),
            new(to.X + nx * halfTo, to.Y + ny * halfTo),
            new(to.X - nx * halfTo, to.Y - ny * halfTo),
            new(from.X - nx * halfFrom, from.Y - ny * halfFrom),
        ], colour);
        FillCircle(from, halfFrom, colour);
        FillCircle(to, halfTo, colour);
    }

    private void DrawEllipseArc(Point2d centre, double radiusX, double radiusY, double startDegrees, double endDegrees, Scalar colour, int thickness, double angleDegrees)
    {
        var axes = new Size(Math.Max(1, (int)Math.Round(radiusX * Scale)), Math.Max(1, (int)Math.Round(radiusY * Scale)));
        Cv2.Ellipse(Image, ToFixed(centre), axes, angleDegrees, startDegrees, endDegrees, colour, thickness, LineTypes.AntiAlias, Shift);
    }

    private static Point ToFixed(Point2d point) => new((int)Math.Round(point.X * Scale), (int)Math.Round(point.Y * Scale));
}
