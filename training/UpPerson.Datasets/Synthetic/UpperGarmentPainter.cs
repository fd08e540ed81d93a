using OpenCvSharp;
using static UpPerson.Datasets.Synthetic.BodyProportions;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Draws the body of the upper garment: shaded outline, stripes, neckline, collar, fastenings and hem.</summary>
internal static class UpperGarmentPainter
{
    private const double StripePeriod = 0.045;
    private const double StripeHeight = 0.008;

    public static void Draw(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Facing facing)
    {
        var isSide = facing is Facing.Left or Facing.Right;
        var outline = isSide ? TorsoOutline.Side(person, frame.Build) : TorsoOutline.Front(person, frame.Build);

        // A darker strip along one edge gives the torso some volume. It runs down the right side in front
        // and back views and down the back in a side view.
        Fill(canvas, frame, outline, FigureColours.Shade(colours.Upper, 0.85));
        var lit = isSide ? outline.WithLeftEdgeInset(0.016) : outline.WithRightEdgeInset(0.018);
        Fill(canvas, frame, lit, colours.Upper);

        if (colours.Stripe is { } stripe)
        {
            DrawStripes(canvas, frame, outline, stripe);
        }

        if (person.Upper == UpperGarment.Sweater)
        {
            DrawBand(canvas, frame, outline, outline.HemY - 0.022, outline.HemY, FigureColours.Shade(colours.Upper, 0.78));
        }
        else if (person.Upper == UpperGarment.Jacket)
        {
            DrawBand(canvas, frame, outline, outline.HemY - 0.014, outline.HemY, FigureColours.Shade(colours.Upper, 0.75));
        }

        switch (facing)
        {
            case Facing.Front:
                DrawFrontDetails(canvas, frame, person, colours);
                break;
            case Facing.Back:
                DrawBackDetails(canvas, frame, person, colours, outline);
                break;
            default:
                DrawSideDetails(canvas, frame, person, colours, outline);
                break;
        }
    }

    private static void DrawStripes(Canvas canvas, FigureFrame frame, TorsoOutline outline, Scalar stripe)
    {
        for (var top = ShoulderY + 0.03; top + StripeHeight < outline.HemY - 0.025; top += StripePeriod)
        {
            DrawBand(canvas, frame, outline, top, top + StripeHeight, stripe);
        }
    }

    private static void DrawBand(Canvas canvas, FigureFrame frame, TorsoOutline outline, double top, double bottom, Scalar colour)
    {
        var (topLeft, topRight) = outline.SpanAt(top);
        var (bottomLeft, bottomRight) = outline.SpanAt(bottom);
        canvas.FillPolygon(
        [
            frame.At(topLeft + 0.002, top),
            frame.At(topRight - 0.002, top),
            frame.At(bottomRight - 0.002, bottom),
            frame.At(bottomLeft + 0.002, bottom),
        ], colour);
    }

    private static void DrawFrontDetails(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours)
    {
        var hemY = UpperHemY(person.Upper);
        var dark = FigureColours.Shade(colours.Upper, 0.7);
        var light = FigureColours.Shade(colours.Upper, 1.2);
        var neckY = ShoulderY - 0.012;

        switch (person.Upper)
        {
            case UpperGarment.TShirt:
            case UpperGarment.Sweater:
                canvas.FillEllipseArc(frame.At(0, neckY), frame.Pixels(0.034), frame.Pixels(0.025), 0, 180, dark);
                canvas.FillEllipseArc(frame.At(0, neckY), frame.Pixels(0.028), frame.Pixels(0.019), 0, 180, colours.Skin);
                break;

            case UpperGarment.Shirt:
                canvas.FillPolygon([frame.At(-0.022, neckY), frame.At(0.022, neckY), frame.At(0, ShoulderY + 0.035)], colours.Skin);
                canvas.FillPolygon([frame.At(-0.036, neckY - 0.002), frame.At(-0.004, ShoulderY + 0.034), frame.At(-0.036, ShoulderY + 0.022)], light);
                canvas.FillPolygon([frame.At(0.036, neckY - 0.002), frame.At(0.004, ShoulderY + 0.034), frame.At(0.036, ShoulderY + 0.022)], light);
                canvas.Line(frame.At(0, ShoulderY + 0.035), frame.At(0, hemY), 1, dark);
                for (var y = 0.21; y < hemY - 0.02; y += 0.06)
                {
                    canvas.FillCircle(frame.At(0.006, y), frame.Pixels(0.0045), dark);
                }

                break;

            case UpperGarment.Jacket:
                canvas.FillPolygon([frame.At(-0.042, neckY - 0.004), frame.At(0.042, neckY - 0.004), frame.At(0.034, ShoulderY + 0.012), frame.At(-0.034, ShoulderY + 0.012)], dark);
                canvas.Line(frame.At(0, ShoulderY + 0.012), frame.At(0, hemY), frame.Pixels(0.005), dark);
                canvas.Line(frame.At(-0.06, 0.44), frame.At(-0.045, 0.48), 1, dark);
                canvas.Line(frame.At(0.06, 0.44), frame.At(0.045, 0.48), 1, dark);
                break;

            case UpperGarment.Coat:
                canvas.FillPolygon([frame.At(-0.026, neckY), frame.At(0.026, neckY), frame.At(0, 0.27)], FigureColours.Shade(colours.Upper, 0.55));
                canvas.FillPolygon([frame.At(-0.042, neckY - 0.003), frame.At(0, 0.285), frame.At(-0.062, 0.235)], dark);
                canvas.FillPolygon([frame.At(0.042, neckY - 0.003), frame.At(0, 0.285), frame.At(0.062, 0.235)], dark);
                canvas.Line(frame.At(0, 0.285), frame.At(0, hemY), 1, dark);
                for (var y = 0.32; y < 0.56; y += 0.08)
                {
                    canvas.FillCircle(frame.At(-0.026, y), frame.Pixels(0.005), dark);
                    canvas.FillCircle(frame.At(0.026, y), frame.Pixels(0.005), dark);
                }

                break;

            default:
                throw new NotSupportedException($"Upper garment {person.Upper} has no front drawing.");
        }
    }

    private static void DrawBackDetails(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, TorsoOutline outline)
    {
        var dark = FigureColours.Shade(colours.Upper, 0.75);
        if (person.Upper is UpperGarment.Shirt or UpperGarment.Jacket or UpperGarment.Coat)
        {
            canvas.FillPolygon([frame.At(-0.04, ShoulderY - 0.016), frame.At(0.04, ShoulderY - 0.016), frame.At(0.036, ShoulderY + 0.004), frame.At(-0.036, ShoulderY + 0.004)], dark);
        }

        if (person.Upper == UpperGarment.Coat)
        {
            canvas.Line(frame.At(0, 0.58), frame.At(0, outline.HemY), 1, dark);
        }
    }

    private static void DrawSideDetails(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, TorsoOutline outline)
    {
        var dark = FigureColours.Shade(colours.Upper, 0.7);
        if (person.Upper is UpperGarment.Shirt or UpperGarment.Jacket or UpperGarment.Coat)
        {
            canvas.FillPolygon([frame.At(-0.036, ShoulderY - 0.016), frame.At(0.03, ShoulderY - 0.016), frame.At(0.034, ShoulderY + 0.006), frame.At(-0.03, ShoulderY + 0.004)], dark);
        }

        // Fastenings run just inside the front edge.
        switch (person.Upper)
        {
            case UpperGarment.Jacket:
                canvas.Line(frame.At(outline.SpanAt(0.2).Right - 0.01, 0.2), frame.At(outline.SpanAt(outline.HemY).Right - 0.01, outline.HemY), frame.Pixels(0.004), dark);
                break;
            case UpperGarment.Shirt:
            case UpperGarment.Coat:
                for (var y = 0.22; y < outline.HemY - 0.03; y += 0.07)
                {
                    canvas.FillCircle(frame.At(outline.SpanAt(y).Right - 0.012, y), frame.Pixels(0.0045), dark);
                }

                break;
        }
    }

    private static void Fill(Canvas canvas, FigureFrame frame, TorsoOutline outline, Scalar colour)
    {
        var polygon = outline.Polygon();
        var points = new Point2d[polygon.Length];
        for (var i = 0; i < polygon.Length; i++)
        {
            points[i] = frame.At(polygon[i]);
        }

        canvas.FillPolygon(points, colour);
    }
}
