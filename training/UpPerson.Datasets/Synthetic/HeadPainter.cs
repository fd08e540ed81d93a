using OpenCvSharp;
using static UpPerson.Datasets.Synthetic.BodyProportions;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Draws the neck, head, face, hair, headwear and glasses for each facing.</summary>
internal static class HeadPainter
{
    /// <summary>
    /// Draws the part of long hair that lies behind the body: beside the neck in a front view, behind
    /// the shoulders in a side view. Call it before the torso; back views draw long hair over the torso instead.
    /// </summary>
    public static void DrawLongHairBehind(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Facing facing)
    {
        if (person.HairLength != HairLength.Long || facing == Facing.Back)
        {
            return;
        }

        if (facing == Facing.Front)
        {
            canvas.FillEllipse(frame.At(0, HeadCentreY - 0.004), frame.Pixels(0.062), frame.Pixels(0.066), colours.Hair);
            canvas.FillRectangle(frame.At(-0.061, HeadCentreY).X, frame.At(0, HeadCentreY).Y, frame.At(0.061, 0).X, frame.At(0, ShoulderY + 0.045).Y, colours.Hair);
            return;
        }

        canvas.FillPolygon(
        [
            frame.At(-0.050, HeadCentreY - 0.02),
            frame.At(0.010, HeadCentreY - 0.02),
            frame.At(0.000, ShoulderY + 0.080),
            frame.At(-0.068, ShoulderY + 0.090),
            frame.At(-0.060, HeadCentreY + 0.03),
        ], colours.Hair);
    }

    public static void DrawNeck(Canvas canvas, FigureFrame frame, FigureColours colours, Facing facing)
    {
        var x = facing is Facing.Left or Facing.Right ? 0.004 : 0;
        canvas.Limb(frame.At(x, HeadCentreY + 0.035), frame.At(x, ShoulderY), frame.Pixels(0.046), frame.Pixels(0.05), FigureColours.Shade(colours.Skin, 0.92));
    }

    /// <summary>Draws long hair hanging over the upper back; call it after the torso and any backpack.</summary>
    public static void DrawLongHairOverBack(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours)
    {
        if (person.HairLength != HairLength.Long)
        {
            return;
        }

        var bottom = ShoulderY + 0.095;
        canvas.FillRectangle(frame.At(-0.058, 0).X, frame.At(0, HeadCentreY).Y, frame.At(0.058, 0).X, frame.At(0, bottom - 0.02).Y, colours.Hair);
        canvas.FillEllipse(frame.At(0, bottom - 0.02), frame.Pixels(0.058), frame.Pixels(0.022), colours.Hair);
    }

    public static void DrawHead(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Facing facing)
    {
        switch (facing)
        {
            case Facing.Front:
                DrawFrontHead(canvas, frame, person, colours);
                break;
            case Facing.Back:
                DrawBackHead(canvas, frame, person, colours);
                break;
            default:
                DrawSideHead(canvas, frame, person, colours);
                break;
        }

        DrawHeadwear(canvas, frame, person, colours, facing);

        if (person.Glasses && facing != Facing.Back)
        {
            DrawGlasses(canvas, frame, facing);
        }
    }

    private static void DrawFrontHead(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours)
    {
        canvas.FillEllipse(frame.At(0, HeadCentreY), frame.Pixels(HeadRadiusX), frame.Pixels(HeadRadiusY), colours.Skin);

        canvas.FillCircle(frame.At(-0.017, HeadCentreY + 0.004), frame.Pixels(0.0055), FigureColours.Eye);
        canvas.FillCircle(frame.At(0.017, HeadCentreY + 0.004), frame.Pixels(0.0055), FigureColours.Eye);
        canvas.Line(frame.At(-0.01, HeadCentreY + 0.034), frame.At(0.01, HeadCentreY + 0.034), 1, FigureColours.Shade(colours.Skin, 0.7));

        canvas.FillEllipseArc(frame.At(0, HeadCentreY - 0.016), frame.Pixels(0.051), frame.Pixels(0.054), 180, 360, colours.Hair);
        canvas.FillEllipse(frame.At(-0.044, HeadCentreY - 0.012), frame.Pixels(0.01), frame.Pixels(0.02), colours.Hair);
        canvas.FillEllipse(frame.At(0.044, HeadCentreY - 0.012), frame.Pixels(0.01), frame.Pixels(0.02), colours.Hair);
    }

    private static void DrawBackHead(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours)
    {
        if (person.HairLength == HairLength.Short)
        {
            var ear = FigureColours.Shade(colours.Skin, 0.9);
            canvas.FillEllipse(frame.At(-0.046, HeadCentreY + 0.008), frame.Pixels(0.009), frame.Pixels(0.014), ear);
            canvas.FillEllipse(frame.At(0.046, HeadCentreY + 0.008), frame.Pixels(0.009), frame.Pixels(0.014), ear);
        }

        canvas.FillEllipse(frame.At(0, HeadCentreY - 0.002), frame.Pixels(HeadRadiusX + 0.002), frame.Pixels(HeadRadiusY), colours.Hair);
        DrawLongHairOverBack(canvas, frame, person, colours);
    }

    private static void DrawSideHead(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours)
    {
        canvas.FillEllipse(frame.At(0.006, HeadCentreY), frame.Pixels(0.05), frame.Pixels(HeadRadiusY), colours.Skin);
        canvas.FillPolygon([frame.At(0.048, HeadCentreY - 0.002), frame.At(0.064, HeadCentreY + 0.018), frame.At(0.046, HeadCentreY + 0.024)], colours.Skin);
        canvas.FillCircle(frame.At(0.032, HeadCentreY + 0.002), frame.Pixels(0.0055), FigureColours.Eye);

        canvas.FillEllipseArc(frame.At(0, HeadCentreY - 0.014), frame.Pixels(0.055), frame.Pixels(0.054), 180, 360, colours.Hair);
        canvas.FillEllipse(frame.At(-0.022, HeadCentreY + 0.002), frame.Pixels(0.033), frame.Pixels(person.HairLength == HairLength.Long ? 0.058 : 0.05), colours.Hair);

        if (person.HairLength == HairLength.Short)
        {
            canvas.FillEllipse(frame.At(-0.002, HeadCentreY + 0.01), frame.Pixels(0.009), frame.Pixels(0.014), FigureColours.Shade(colours.Skin, 0.88));
        }
    }

    private static void DrawHeadwear(Canvas canvas, FigureFrame frame, PersonAttributes person, FigureColours colours, Facing facing)
    {
        var isSide = facing is Facing.Left or Facing.Right;
        var dark = FigureColours.Shade(colours.Hat, 0.78);

        if (person.Hat == HatKind.Cap)
        {
            canvas.FillEllipseArc(frame.At(0, HeadCentreY - 0.02), frame.Pixels(0.054), frame.Pixels(0.052), 180, 360, colours.Hat);
            if (isSide)
            {
                canvas.FillEllipse(frame.At(0.062, HeadCentreY - 0.022), frame.Pixels(0.036), frame.Pixels(0.009), dark);
            }
            else if (facing == Facing.Front)
            {
                canvas.FillEllipse(frame.At(0, HeadCentreY - 0.019), frame.Pixels(0.057), frame.Pixels(0.012), dark);
            }
            else
            {
                canvas.FillRectangle(frame.At(-0.015, 0).X, frame.At(0, HeadCentreY - 0.026).Y, frame.At(0.015, 0).X, frame.At(0, HeadCentreY - 0.018).Y, dark);
            }
        }
        else if (person.Hat == HatKind.Hat)
        {
            canvas.FillEllipse(frame.At(0, HeadCentreY - 0.032), frame.Pixels(isSide ? 0.085 : 0.09), frame.Pixels(isSide ? 0.011 : 0.017), dark);
            canvas.FillEllipseArc(frame.At(0, HeadCentreY - 0.034), frame.Pixels(0.05), frame.Pixels(0.052), 180, 360, colours.Hat);
            canvas.FillRectangle(frame.At(-0.05, 0).X, frame.At(0, HeadCentreY - 0.046).Y, frame.At(0.05, 0).X, frame.At(0, HeadCentreY - 0.036).Y, dark);
        }
    }

    private static void DrawGlasses(Canvas canvas, FigureFrame frame, Facing facing)
    {
        var thickness = Math.Max(1, frame.Pixels(0.004));
        if (facing == Facing.Front)
        {
            canvas.StrokeEllipse(frame.At(-0.018, HeadCentreY + 0.004), frame.Pixels(0.013), frame.Pixels(0.009), thickness, FigureColours.GlassesFrame);
            canvas.StrokeEllipse(frame.At(0.018, HeadCentreY + 0.004), frame.Pixels(0.013), frame.Pixels(0.009), thickness, FigureColours.GlassesFrame);
            canvas.Line(frame.At(-0.005, HeadCentreY + 0.003), frame.At(0.005, HeadCentreY + 0.003), thickness, FigureColours.GlassesFrame);
            return;
        }

        canvas.StrokeEllipse(frame.At(0.036, HeadCentreY + 0.004), frame.Pixels(0.011), frame.Pixels(0.009), thickness, FigureColours.GlassesFrame);
        canvas.Line(frame.At(0.025, HeadCentreY + 0.002), frame.At(-0.004, HeadCentreY + 0.0), thickness, FigureColours.GlassesFrame);
    }
}
