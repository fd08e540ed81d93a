using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Scenes of the park background set: lawns under trees and sky, park paths, and indoor rooms with wooden floors.</summary>
internal static class ParkScenePainter
{
    private static readonly Scalar[] PastelWalls = [new(200, 230, 240), new(210, 235, 210), new(235, 215, 200), new(215, 205, 235)];

    private static readonly Scalar[] WoodColours = [new(60, 100, 150), new(80, 130, 180), new(45, 80, 120)];

    public static void DrawGrass(Canvas canvas, SynthRandom random, bool withPath)
    {
        var width = canvas.Image.Cols;
        var height = canvas.Image.Rows;
        var treeTop = height * random.Uniform(0.1, 0.25);
        var horizon = height * random.Uniform(0.35, 0.5);

        DrawSky(canvas, horizon, random);
        DrawTrees(canvas, treeTop, horizon, random);

        var grass = BackgroundPainter.Jitter(new Scalar(60, 150, 85), 15, random);
        canvas.FillRectangle(0, horizon, width, height, grass);
        for (var i = 0; i < 600; i++)
        {
            var x = random.Uniform(0, width);
            var y = random.Uniform(horizon, height);
            var length = 2 + 7 * (y - horizon) / (height - horizon);
            var blade = BackgroundPainter.Jitter(BackgroundPainter.Brighten(grass, random.Uniform(-35, 25)), 8, random);
            canvas.Line(new Point2d(x, y), new Point2d(x + random.Uniform(-2, 2), y - length), 1, blade);
        }

        if (withPath)
        {
            var gravel = BackgroundPainter.Jitter(new Scalar(140, 175, 200), 12, random);
            var farX = width / 2.0 + random.Uniform(-35, 35);
            var nearX = width / 2.0 + random.Uniform(-15, 15);
            var farHalf = random.Uniform(8, 18);
            var nearHalf = random.Uniform(45, 60);
            canvas.FillPolygon([new(farX - farHalf, horizon), new(farX + farHalf, horizon), new(nearX + nearHalf, height), new(nearX - nearHalf, height)], gravel);
            canvas.Line(new Point2d(farX - farHalf, horizon), new Point2d(nearX - nearHalf, height), 2, BackgroundPainter.Brighten(gravel, -40));
            canvas.Line(new Point2d(farX + farHalf, horizon), new Point2d(nearX + nearHalf, height), 2, BackgroundPainter.Brighten(gravel, -40));
            for (var i = 0; i < 220; i++)
            {
                var t = random.NextDouble();
                var y = horizon + t * (height - horizon);
                var half = farHalf + t * (nearHalf - farHalf);
                var centre = farX + t * (nearX - farX);
                canvas.FillCircle(new Point2d(centre + random.Uniform(-half, half), y), random.Uniform(0.6, 1.5), BackgroundPainter.Brighten(gravel, random.Uniform(-35, 20)));
            }
        }
    }

    public static void DrawIndoorFloor(Canvas canvas, SynthRandom random)
    {
        var width = canvas.Image.Cols;
        var height = canvas.Image.Rows;
        var horizon = height * random.Uniform(0.55, 0.7);

        var wall = BackgroundPainter.Jitter(random.Pick(PastelWalls), 10, random);
        canvas.Image.SetTo(wall);

        if (random.Chance(0.5))
        {
            // A framed picture on the wall.
            var left = random.Uniform(-10, width - 50);
            var top = random.Uniform(30, horizon * 0.45);
            var right = left + random.Uniform(40, 70);
            var bottom = top + random.Uniform(40, 70);
            canvas.FillRectangle(left - 4, top - 4, right + 4, bottom + 4, new Scalar(40, 70, 110));
            canvas.FillRectangle(left, top, right, bottom, BackgroundPainter.Jitter(new Scalar(150, 170, 120), 60, random));
        }
        else
        {
            // A potted plant standing against the wall.
            var x = random.Chance(0.5) ? random.Uniform(5, 25) : random.Uniform(width - 25, width - 5);
            canvas.FillPolygon([new(x - 12, horizon - 28), new(x + 12, horizon - 28), new(x + 9, horizon + 4), new(x - 9, horizon + 4)], new Scalar(50, 90, 170));
            for (var i = 0; i < 9; i++)
            {
                canvas.FillEllipse(new Point2d(x + random.Uniform(-14, 14), horizon - random.Uniform(35, 80)), random.Uniform(6, 12), random.Uniform(8, 16), BackgroundPainter.Jitter(new Scalar(50, 130, 50), 20, random));
            }
        }

        canvas.FillRectangle(0, horizon - 8, width, horizon, random.Chance(0.5) ? new Scalar(235, 235, 235) : new Scalar(50, 85, 130));

        var wood = BackgroundPainter.Jitter(random.Pick(WoodColours), 10, random);
        canvas.FillRectangle(0, horizon, width, height, wood);

        // Planks run away from the camera, so their seams fan out from a vanishing point; short joints cross them.
        BackgroundPainter.DrawPerspectiveGrid(canvas, horizon, 200, 1.0, 22, BackgroundPainter.Brighten(wood, -30), random);
        for (var i = 0; i < 30; i++)
        {
            var y = random.Uniform(horizon, height);
            var x = random.Uniform(0, width);
            var length = 4 + 10 * (y - horizon) / (height - horizon);
            canvas.Line(new Point2d(x, y), new Point2d(x + length, y), 1, BackgroundPainter.Brighten(wood, -25));
        }
    }

    private static void DrawSky(Canvas canvas, double bottom, SynthRandom random)
    {
        var top = BackgroundPainter.Jitter(new Scalar(230, 190, 140), 12, random);
        var low = BackgroundPainter.Jitter(new Scalar(245, 225, 200), 8, random);
        const int bands = 16;
        for (var i = 0; i < bands; i++)
        {
            var t = i / (double)(bands - 1);
            var colour = new Scalar(top.Val0 + (low.Val0 - top.Val0) * t, top.Val1 + (low.Val1 - top.Val1) * t, top.Val2 + (low.Val2 - top.Val2) * t);
            canvas.FillRectangle(0, bottom * i / bands, canvas.Image.Cols, bottom * (i + 1) / bands + 1, colour);
        }
    }

    private static void DrawTrees(Canvas canvas, double top, double horizon, SynthRandom random)
    {
        var width = canvas.Image.Cols;
        var leaves = BackgroundPainter.Jitter(new Scalar(45, 115, 50), 12, random);

        for (var i = 0; i < 4; i++)
        {
            var x = random.Uniform(0, width);
            canvas.FillRectangle(x - 3, horizon - 40, x + 3, horizon + 2, new Scalar(40, 60, 85));
        }

        for (var i = 0; i < 45; i++)
        {
            var centre = new Point2d(random.Uniform(-10, width + 10), random.Uniform(top + 10, horizon - 25));
            canvas.FillEllipse(centre, random.Uniform(10, 24), random.Uniform(10, 20), BackgroundPainter.Jitter(BackgroundPainter.Brighten(leaves, random.Uniform(-25, 25)), 6, random));
        }

        var hedge = BackgroundPainter.Brighten(leaves, -15);
        canvas.FillRectangle(0, horizon - 12, width, horizon + 1, hedge);
        for (var x = 0.0; x < width; x += 8)
        {
            canvas.FillCircle(new Point2d(x + random.Uniform(-2, 2), horizon - 12), random.Uniform(4, 7), hedge);
        }
    }
}
