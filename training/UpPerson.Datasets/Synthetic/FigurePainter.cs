using OpenCvSharp;
using static UpPerson.Datasets.Synthetic.BodyProportions;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Draws a walking pedestrian from its attributes and the image's pose, back to front so that nearer
/// parts cover farther ones.
/// </summary>
internal static class FigurePainter
{
    /// <summary>Largest swing of a leg from vertical in a side view, in radians (about 19°).</summary>
    private const double LegSwing = 0.34;

    public static void Draw(Canvas canvas, PersonAttributes person, ImageVariation variation)
    {
        var frame = new FigureFrame(person, variation);
        var colours = new FigureColours(person);

        if (variation.Facing is Facing.Front or Facing.Back)
        {
            DrawFrontOrBack(canvas, frame, person, colours, variation);
        }
        else
        {
            DrawSide(canvas, frame, person, colours, variation);
        }
    }

    private static void DrawFrontOrBack(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, ImageVariation variation)
    {
        var facing = variation.Facing;
        var swing = Math.Sin(variation.WalkPhase);
        var shoulder = ShoulderHalfWidth(person.Gender) * frame.Build;
        var hip = HipHalfWidth(person.Gender) * frame.Build;
        var legX = 0.05 * frame.Build;

        HeadPainter.DrawLongHairBehind(canvas, frame, person, colours, facing);

        // Seen from the front, walking shows as one foot lifted and a slight sway, not as a stride.
        for (var side = -1; side <= 1; side += 2)
        {
            var lift = 0.022 * Math.Max(0, side * swing);
            var hipJoint = new Point2d(side * legX, HipY);
            var knee = new Point2d(side * (legX + 0.002), KneeY - lift * 0.5);
            var ankle = new Point2d(side * (legX - 0.004), AnkleY - lift);
            var shade = side > 0 ? 0.9 : 1.0;
            LimbPainter.DrawLeg(canvas, frame, person, colours, hipJoint, knee, ankle, shade);
            LimbPainter.DrawShoe(canvas, frame, colours, ankle, 0, shade);
        }

        if (person.Lower == LowerGarment.Skirt)
        {
            DrawFrontSkirt(canvas, frame, colours, hip);
        }
        else
        {
            canvas.FillPolygon(
            [
                frame.At(-hip, WaistY), frame.At(hip, WaistY), frame.At(hip, HipY + 0.01),
                frame.At(0.015, CrotchY), frame.At(-0.015, CrotchY), frame.At(-hip, HipY + 0.01),
            ], colours.Lower);
        }

        HeadPainter.DrawNeck(canvas, frame, colours, facing);
        UpperGarmentPainter.Draw(canvas, frame, person, colours, facing);
        BagPainter.DrawOverTorso(canvas, frame, person, colours, facing);

        var hands = new Point2d[2];
        var armInset = person.Gender == GenderPresentation.Woman ? 0.004 : 0;
        for (var side = -1; side <= 1; side += 2)
        {
            // The arm opposite the lifted foot swings forward, which from the front shortens it a little.
            var raise = 0.015 * Math.Max(0, -side * swing);
            var shoulderJoint = new Point2d(side * (shoulder - 0.022), ShoulderY + 0.03);
            var elbow = new Point2d(side * (shoulder + 0.003 - armInset), ElbowY - raise * 0.4);
            var wrist = new Point2d(side * (shoulder - 0.004 - armInset), WristY - raise);
            hands[(side + 1) / 2] = LimbPainter.DrawArm(canvas, frame, person, colours, shoulderJoint, elbow, wrist, side > 0 ? 0.93 : 1.0);
        }

        BagPainter.DrawAfterArms(canvas, frame, person, colours, facing, (hands[0], hands[1]));
        HeadPainter.DrawHead(canvas, frame, person, colours, facing);
    }

    private static void DrawSide(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, ImageVariation variation)
    {
        var facing = variation.Facing;
        var nearLegAngle = LegSwing * Math.Sin(variation.WalkPhase);
        var hipJoint = new Point2d(0, HipY - 0.01);
        var shoulderJoint = new Point2d(0, ShoulderY + 0.028);

        // Arms swing against the legs on the same side.
        var (farElbow, farWrist) = ArmPose(shoulderJoint, 0.7 * nearLegAngle);
        LimbPainter.DrawArm(canvas, frame, person, colours, shoulderJoint, farElbow, farWrist, 0.78);

        var (farKnee, farAnkle) = LegPose(hipJoint, -nearLegAngle);
        LimbPainter.DrawLeg(canvas, frame, person, colours, hipJoint, farKnee, farAnkle, 0.8);
        LimbPainter.DrawShoe(canvas, frame, colours, farAnkle, 0.02, 0.8);

        BagPainter.DrawBehindTorso(canvas, frame, person, colours, facing);

        var (nearKnee, nearAnkle) = LegPose(hipJoint, nearLegAngle);
        LimbPainter.DrawLeg(canvas, frame, person, colours, hipJoint, nearKnee, nearAnkle, 1.0);
        LimbPainter.DrawShoe(canvas, frame, colours, nearAnkle, 0.02, 1.0);

        if (person.Lower == LowerGarment.Skirt)
        {
            DrawSideSkirt(canvas, frame, colours);
        }
        else
        {
            canvas.FillEllipse(frame.At(0, HipY - 0.005), frame.Pixels(0.062 * frame.Build), frame.Pixels(0.05), colours.Lower);
        }

        HeadPainter.DrawLongHairBehind(canvas, frame, person, colours, facing);
        HeadPainter.DrawNeck(canvas, frame, colours, facing);
        UpperGarmentPainter.Draw(canvas, frame, person, colours, facing);
        BagPainter.DrawOverTorso(canvas, frame, person, colours, facing);

        var (nearElbow, nearWrist) = ArmPose(shoulderJoint, -0.7 * nearLegAngle);
        var hand = LimbPainter.DrawArm(canvas, frame, person, colours, shoulderJoint, nearElbow, nearWrist, 1.0);

        BagPainter.DrawAfterArms(canvas, frame, person, colours, facing, (hand, hand));
        HeadPainter.DrawHead(canvas, frame, person, colours, facing);
    }

    /// <summary>Knee and ankle of a side-view leg; a leg behind the body bends at the knee, as in a stride.</summary>
    private static (Point2d Knee, Point2d Ankle) LegPose(Point2d hip, double angle)
    {
        var knee = new Point2d(hip.X + LegSegment * Math.Sin(angle), hip.Y + LegSegment * Math.Cos(angle));
        var bend = angle < 0 ? 0.05 + 0.9 * -angle : 0.05;
        var shin = angle - bend;
        var ankle = new Point2d(knee.X + LegSegment * Math.Sin(shin), knee.Y + LegSegment * Math.Cos(shin));
        return (knee, ankle);
    }

    private static (Point2d Elbow, Point2d Wrist) ArmPose(Point2d shoulder, double angle)
    {
        var elbow = new Point2d(shoulder.X + 0.165 * Math.Sin(angle), shoulder.Y + 0.165 * Math.Cos(angle));
        var forearm = angle + 0.25;
        var wrist = new Point2d(elbow.X + 0.14 * Math.Sin(forearm), elbow.Y + 0.14 * Math.Cos(forearm));
        return (elbow, wrist);
    }

    private static void DrawFrontSkirt(Canvas canvas, FigureFrame frame, FigureColours colours, double hip)
    {
        canvas.FillPolygon([frame.At(-hip - 0.004, WaistY), frame.At(hip + 0.004, WaistY), frame.At(hip * 1.45, SkirtHemY), frame.At(-hip * 1.45, SkirtHemY)], colours.Lower);
        canvas.FillPolygon(
        [
            frame.At(hip * 0.25, WaistY + 0.06), frame.At(hip * 1.0, WaistY + 0.02),
            frame.At(hip * 1.45, SkirtHemY), frame.At(hip * 0.45, SkirtHemY),
        ], FigureColours.Shade(colours.Lower, 0.85));
    }

    private static void DrawSideSkirt(Canvas canvas, FigureFrame frame, FigureColours colours)
    {
        var waist = 0.058 * frame.Build;
        canvas.FillPolygon([frame.At(-waist, WaistY), frame.At(waist, WaistY), frame.At(0.1, SkirtHemY), frame.At(-0.1, SkirtHemY)], colours.Lower);
        canvas.FillPolygon([frame.At(-waist, WaistY), frame.At(-waist * 0.3, WaistY), frame.At(-0.03, SkirtHemY), frame.At(-0.1, SkirtHemY)], FigureColours.Shade(colours.Lower, 0.85));
    }
}
