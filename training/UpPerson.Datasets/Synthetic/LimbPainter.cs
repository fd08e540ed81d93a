using OpenCvSharp;
using static UpPerson.Datasets.Synthetic.BodyProportions;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Draws arms with sleeves, legs with the lower garment, and shoes. Points are figure coordinates.</summary>
internal static class LimbPainter
{
    /// <summary>Draws a skin arm, its sleeve and the hand. Returns the hand centre.</summary>
    /// <param name="shade">Darkening factor, below 1 for the far arm of a side view.</param>
    public static Point2d DrawArm(
        Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Point2d shoulder, Point2d elbow, Point2d wrist, double shade)
    {
        var skin = FigureColours.Shade(colours.Skin, shade);
        var sleeve = FigureColours.Shade(colours.Upper, shade * 0.92);
        var bulky = person.Upper is UpperGarment.Jacket or UpperGarment.Coat ? 0.006 : 0;

        canvas.Limb(frame.At(shoulder), frame.At(elbow), frame.Pixels(0.046), frame.Pixels(0.038), skin);
        canvas.Limb(frame.At(elbow), frame.At(wrist), frame.Pixels(0.036), frame.Pixels(0.030), skin);

        var forearm = Direction(elbow, wrist);
        var hand = new Point2d(wrist.X + forearm.X * 0.016, wrist.Y + forearm.Y * 0.016);
        canvas.FillCircle(frame.At(hand), frame.Pixels(0.02), skin);

        if (person.Sleeves == SleeveLength.Short)
        {
            var sleeveEnd = Lerp(shoulder, elbow, 0.45);
            canvas.Limb(frame.At(shoulder), frame.At(sleeveEnd), frame.Pixels(0.060), frame.Pixels(0.054), sleeve);
        }
        else
        {
            var cuff = Lerp(elbow, wrist, 0.93);
            canvas.Limb(frame.At(shoulder), frame.At(elbow), frame.Pixels(0.056 + bulky), frame.Pixels(0.048 + bulky), sleeve);
            canvas.Limb(frame.At(elbow), frame.At(cuff), frame.Pixels(0.048 + bulky), frame.Pixels(0.042 + bulky), sleeve);
        }

        if (colours.Stripe is { } stripe)
        {
            var sleeveEnd = person.Sleeves == SleeveLength.Short ? Lerp(shoulder, elbow, 0.45) : Lerp(elbow, wrist, 0.93);
            DrawSleeveStripes(canvas, frame, shoulder, elbow, sleeveEnd, person.Sleeves == SleeveLength.Short, FigureColours.Shade(stripe, shade));
        }

        return hand;
    }

    // Stripes continue round the sleeve at the torso's stripe period, so a side view, where the arm
    // covers the chest, still shows the pattern.
    private static void DrawSleeveStripes(Canvas canvas, FigureFrame frame, Point2d shoulder, Point2d elbow, Point2d sleeveEnd, bool shortSleeve, Scalar stripe)
    {
        const double period = 0.045;
        const double height = 0.008;
        Point2d[] path = shortSleeve ? [shoulder, sleeveEnd] : [shoulder, elbow, sleeveEnd];

        var travelled = 0.0;
        var nextStripe = 0.03;
        for (var i = 1; i < path.Length; i++)
        {
            var from = path[i - 1];
            var to = path[i];
            var length = Distance(from, to);
            var direction = Direction(from, to);
            var normal = new Point2d(-direction.Y, direction.X);

            while (nextStripe + height <= travelled + length)
            {
                var start = (nextStripe - travelled) / length;
                var end = (nextStripe + height - travelled) / length;
                var a = Lerp(from, to, start);
                var b = Lerp(from, to, end);
                const double halfWidth = 0.027;
                canvas.FillPolygon(
                [
                    frame.At(a.X + normal.X * halfWidth, a.Y + normal.Y * halfWidth),
                    frame.At(b.X + normal.X * halfWidth, b.Y + normal.Y * halfWidth),
                    frame.At(b.X - normal.X * halfWidth, b.Y - normal.Y * halfWidth),
                    frame.At(a.X - normal.X * halfWidth, a.Y - normal.Y * halfWidth),
                ], stripe);
                nextStripe += period;
            }

            travelled += length;
        }
    }

    /// <summary>Draws one leg dressed in the lower garment; skirts are drawn separately over bare legs.</summary>
    public static void DrawLeg(
        Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Point2d hip, Point2d knee, Point2d ankle, double shade)
    {
        var lower = FigureColours.Shade(colours.Lower, shade);
        var skin = FigureColours.Shade(colours.Skin, shade);

        if (person.Lower is LowerGarment.Trousers or LowerGarment.Jeans)
        {
            canvas.Limb(frame.At(hip), frame.At(knee), frame.Pixels(0.088), frame.Pixels(0.064), lower);
            canvas.Limb(frame.At(knee), frame.At(ankle), frame.Pixels(0.064), frame.Pixels(0.054), lower);

            if (person.Lower == LowerGarment.Jeans)
            {
                var seam = FigureColours.Shade(lower, 1.25);
                canvas.Line(frame.At(hip.X, hip.Y + 0.02), frame.At(knee), 1, seam);
                canvas.Line(frame.At(knee), frame.At(ankle), 1, seam);
            }

            return;
        }

        canvas.Limb(frame.At(hip), frame.At(knee), frame.Pixels(0.078), frame.Pixels(0.056), skin);
        canvas.Limb(frame.At(knee), frame.At(ankle), frame.Pixels(0.054), frame.Pixels(0.040), skin);

        if (person.Lower == LowerGarment.Shorts)
        {
            var hemFraction = Math.Clamp((ShortsHemY - hip.Y) / Math.Max(1e-6, knee.Y - hip.Y), 0.2, 1.0);
            canvas.Limb(frame.At(hip), frame.At(Lerp(hip, knee, hemFraction)), frame.Pixels(0.096), frame.Pixels(0.088), lower);
        }
    }

    /// <summary>Draws a shoe under an ankle; <paramref name="forward"/> shifts the toe the way a side view faces.</summary>
    public static void DrawShoe(Canvas canvas, FigureFrame frame, FigureColours colours, Point2d ankle, double forward, double shade)
    {
        var colour = FigureColours.Shade(colours.Shoe, shade);
        var radiusX = forward > 0 ? 0.046 : 0.034;
        canvas.FillEllipse(frame.At(ankle.X + forward, ankle.Y + 0.022), frame.Pixels(radiusX), frame.Pixels(0.019), colour);
    }

    public static Point2d Lerp(Point2d from, Point2d to, double t) => new(from.X + (to.X - from.X) * t, from.Y + (to.Y - from.Y) * t);

    private static double Distance(Point2d from, Point2d to) => Math.Sqrt((to.X - from.X) * (to.X - from.X) + (to.Y - from.Y) * (to.Y - from.Y));

    private static Point2d Direction(Point2d from, Point2d to)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Max(1e-9, Math.Sqrt(dx * dx + dy * dy));
        return new Point2d(dx / length, dy / length);
    }
}
