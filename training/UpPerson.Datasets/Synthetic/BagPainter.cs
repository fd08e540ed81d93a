using OpenCvSharp;
using static UpPerson.Datasets.Synthetic.BodyProportions;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Draws backpacks, handbags and shoulder bags in three passes that interleave with the body: behind
/// the torso, over the torso, and after the arms.
/// </summary>
internal static class BagPainter
{
    /// <summary>Draws the backpack body behind a side-view torso.</summary>
    public static void DrawBehindTorso(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Facing facing)
    {
        if (person.Bag != BagKind.Backpack || facing is Facing.Front or Facing.Back)
        {
            return;
        }

        var left = -0.058 * frame.Build - 0.078;
        var right = -0.045 * frame.Build;
        FillRoundedBox(canvas, frame, left, 0.185, right, 0.415, 0.018, colours.Bag);
        FillRoundedBox(canvas, frame, left - 0.006, 0.31, left + 0.03, 0.40, 0.01, FigureColours.Shade(colours.Bag, 0.75));
    }

    /// <summary>Draws what lies over the torso: a backpack seen from the back, backpack straps, a shoulder-bag strap.</summary>
    public static void DrawOverTorso(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Facing facing)
    {
        var strap = FigureColours.Shade(colours.Bag, 0.85);
        var strapWidth = frame.Pixels(0.018);

        if (person.Bag == BagKind.Backpack)
        {
            switch (facing)
            {
                case Facing.Back:
                    canvas.Line(frame.At(-0.05, 0.2), frame.At(-0.066, ShoulderY - 0.002), strapWidth, strap);
                    canvas.Line(frame.At(0.05, 0.2), frame.At(0.066, ShoulderY - 0.002), strapWidth, strap);
                    FillRoundedBox(canvas, frame, -0.078, 0.19, 0.078, 0.42, 0.02, colours.Bag);
                    FillRoundedBox(canvas, frame, -0.056, 0.32, 0.056, 0.405, 0.012, FigureColours.Shade(colours.Bag, 0.75));
                    canvas.Line(frame.At(-0.06, 0.225), frame.At(0.06, 0.225), 1, FigureColours.Shade(colours.Bag, 0.6));
                    break;
                case Facing.Front:
                    canvas.Line(frame.At(-0.066, ShoulderY - 0.004), frame.At(-0.074, 0.34), strapWidth, strap);
                    canvas.Line(frame.At(0.066, ShoulderY - 0.004), frame.At(0.074, 0.34), strapWidth, strap);
                    break;
                default:
                    canvas.Line(frame.At(-0.01, ShoulderY - 0.006), frame.At(0.03, 0.33), strapWidth, strap);
                    break;
            }
        }
        else if (person.Bag == BagKind.ShoulderBag)
        {
            var side = BagSideSign(person, facing);
            var shoulder = ShoulderHalfWidth(person.Gender) * frame.Build;
            var hip = HipHalfWidth(person.Gender) * frame.Build;
            if (facing is Facing.Front or Facing.Back)
            {
                canvas.Line(frame.At(-side * (shoulder - 0.035), ShoulderY), frame.At(side * (hip + 0.01), 0.47), frame.Pixels(0.012), strap);
            }
            else
            {
                canvas.Line(frame.At(-0.02, ShoulderY), frame.At(0.03, 0.46), frame.Pixels(0.012), strap);
            }
        }
    }

    /// <summary>Draws the bags carried low: a handbag under the hand and a shoulder bag at the hip.</summary>
    /// <param name="hands">Hand centres in figure coordinates: camera-left and camera-right in front and back views, or the near hand twice in side views.</param>
    public static void DrawAfterArms(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Facing facing, (Point2d Left, Point2d Right) hands)
    {
        var side = BagSideSign(person, facing);
        var dark = FigureColours.Shade(colours.Bag, 0.72);

        if (person.Bag == BagKind.Handbag)
        {
            var hand = side < 0 ? hands.Left : hands.Right;
            var top = hand.Y + 0.03;
            var centreX = hand.X + (facing is Facing.Left or Facing.Right ? 0 : side * 0.006);
            canvas.Line(frame.At(centreX - 0.022, top), frame.At(hand), frame.Pixels(0.007), dark);
            canvas.Line(frame.At(centreX + 0.022, top), frame.At(hand), frame.Pixels(0.007), dark);
            canvas.FillPolygon(
            [
                frame.At(centreX - 0.036, top),
                frame.At(centreX + 0.036, top),
                frame.At(centreX + 0.046, top + 0.072),
                frame.At(centreX - 0.046, top + 0.072),
            ], colours.Bag);
            canvas.Line(frame.At(centreX - 0.036, top + 0.014), frame.At(centreX + 0.036, top + 0.014), 1, dark);
        }
        else if (person.Bag == BagKind.ShoulderBag)
        {
            var hip = HipHalfWidth(person.Gender) * frame.Build;
            var centreX = facing is Facing.Left or Facing.Right ? -0.005 : side * (hip + 0.018);
            FillRoundedBox(canvas, frame, centreX - 0.04, 0.455, centreX + 0.04, 0.535, 0.01, colours.Bag);
            canvas.FillPolygon([frame.At(centreX - 0.04, 0.46), frame.At(centreX + 0.04, 0.46), frame.At(centreX + 0.04, 0.49), frame.At(centreX - 0.04, 0.49)], dark);
        }
    }

    /// <summary>
    /// Sign of figure x where a handbag or shoulder bag sits. The attribute is fixed for a front view,
    /// so a back view mirrors it; a side view always shows the bag on the near side.
    /// </summary>
    private static int BagSideSign(PersonAttributes person, Facing facing)
    {
        var frontSign = person.BagSide == BodySide.Right ? 1 : -1;
        return facing == Facing.Back ? -frontSign : frontSign;
    }

    private static void FillRoundedBox(Canvas canvas, FigureFrame frame, double left, double top, double right, double bottom, double radius, Scalar colour)
    {
        canvas.FillPolygon(
        [
            frame.At(left + radius, top),
            frame.At(right - radius, top),
            frame.At(right, top + radius),
            frame.At(right, bottom - radius),
            frame.At(right - radius, bottom),
            frame.At(left + radius, bottom),
            frame.At(left, bottom - radius),
            frame.At(left, top + radius),
        ], colour);
    }
}
