using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Scenes of the urban background set: brick walls over pavement, street fronts, and plain building walls.</summary>
internal static class UrbanScenePainter
{
    private static readonly Scalar[] BrickColours = [new(55, 70, 150), new(50, 55, 110), new(140, 170, 195), new(135, 135, 130)];

    private static readonly Scalar[] FacadeColours = [new(160, 165, 170), new(120, 150, 180), new(95, 95, 100), new(185, 185, 180)];

    private static readonly Scalar[] WallColours = [new(185, 190, 195), new(160, 175, 190), new(130, 135, 140), new(110, 125, 150)];

    public static void DrawPavement(Canvas canvas, SynthRandom random)
    {
        var horizon = canvas.Image.Rows * random.Uniform(0.45, 0.62);

        canvas.Image.SetTo(BackgroundPainter.Jitter(new Scalar(170, 175, 180), 10, random));
        DrawBricks(canvas, horizon, random.Pick(BrickColours), random);

        var paving = BackgroundPainter.Jitter(new Scalar(160, 165, 170), 15, random);
        canvas.FillRectangle(0, horizon, canvas.Image.Cols, canvas.Image.Rows, paving);
        canvas.FillRectangle(0, horizon, canvas.Image.Cols, horizon + 5, BackgroundPainter.Brighten(paving, -30));
        BackgroundPainter.DrawPerspectiveGrid(canvas, horizon + 5, 7, 1.3, 45, BackgroundPainter.Brighten(paving, -28), random);
        BackgroundPainter.Speckle(canvas, horizon + 5, canvas.Image.Rows, 250, paving, 25, random);
    }

    public static void DrawStreet(Canvas canvas, SynthRandom random)
    {
        var width = canvas.Image.Cols;
        var height = canvas.Image.Rows;
        var skyBottom = height * random.Uniform(0.05, 0.15);
        var horizon = height * random.Uniform(0.42, 0.55);

        canvas.Image.SetTo(BackgroundPainter.Jitter(new Scalar(215, 205, 195), 10, random));

        // One or two building fronts side by side, each with a grid of windows.
        var split = random.Chance(0.5) ? random.Uniform(30, 100) : width;
        DrawFacade(canvas, 0, skyBottom + random.Uniform(0, 20), split, horizon, random);
        if (split < width)
        {
            DrawFacade(canvas, split, skyBottom + random.Uniform(0, 30), width, horizon, random);
        }

        var kerb = horizon + random.Uniform(18, 40);
        var pavement = BackgroundPainter.Jitter(new Scalar(145, 148, 150), 10, random);
        canvas.FillRectangle(0, horizon, width, kerb, pavement);
        canvas.FillRectangle(0, kerb, width, kerb + 5, new Scalar(185, 188, 190));

        var asphalt = BackgroundPainter.Jitter(new Scalar(78, 80, 82), 8, random);
        canvas.FillRectangle(0, kerb + 5, width, height, asphalt);
        BackgroundPainter.Speckle(canvas, kerb + 5, height, 400, asphalt, 20, random);

        var lane = random.Chance(0.7) ? new Scalar(225, 225, 225) : new Scalar(40, 190, 220);
        var laneY = random.Uniform(kerb + 40, height - 12);
        for (var x = random.Uniform(-30, 0); x < width; x += 50)
        {
            canvas.FillRectangle(x, laneY, x + 28, laneY + 5, lane);
        }
    }

    public static void DrawBuildingWall(Canvas canvas, SynthRandom random)
    {
        var width = canvas.Image.Cols;
        var height = canvas.Image.Rows;
        var horizon = height * random.Uniform(0.72, 0.86);

        var wall = BackgroundPainter.Jitter(random.Pick(WallColours), 10, random);
        canvas.Image.SetTo(wall);

        // Concrete panel joints.
        for (var y = random.Uniform(20, 70); y < horizon; y += random.Uniform(60, 90))
        {
            canvas.Line(new Point2d(0, y), new Point2d(width, y), 1, BackgroundPainter.Brighten(wall, -25));
        }

        if (random.Chance(0.6))
        {
            var left = random.Uniform(-20, width - 40);
            var top = random.Uniform(20, horizon * 0.5);
            var right = left + random.Uniform(45, 90);
            var bottom = top + random.Uniform(60, 120);
            canvas.FillRectangle(left - 4, top - 4, right + 4, bottom + 4, new Scalar(205, 205, 205));
            canvas.FillRectangle(left, top, right, bottom, BackgroundPainter.Jitter(new Scalar(80, 70, 60), 10, random));
            canvas.Line(new Point2d((left + right) / 2, top), new Point2d((left + right) / 2, bottom), 2, new Scalar(205, 205, 205));
        }
        else
        {
            var left = random.Uniform(-10, width - 50);
            var doorTop = horizon - random.Uniform(150, 210);
            var door = random.Chance(0.5) ? new Scalar(40, 60, 90) : new Scalar(70, 70, 75);
            canvas.FillRectangle(left - 5, doorTop - 5, left + 65, horizon, new Scalar(175, 175, 170));
            canvas.FillRectangle(left, doorTop, left + 60, horizon, door);
            canvas.FillCircle(new Point2d(left + 50, (doorTop + horizon) / 2), 2.5, new Scalar(160, 190, 200));
        }

        var pipeX = random.Uniform(0, width);
        canvas.Line(new Point2d(pipeX, 0), new Point2d(pipeX, horizon), 4, BackgroundPainter.Brighten(wall, -45));

        var ground = BackgroundPainter.Jitter(new Scalar(115, 118, 120), 12, random);
        canvas.FillRectangle(0, horizon, width, height, ground);
        BackgroundPainter.DrawPerspectiveGrid(canvas, horizon, 10, 1.35, 50, BackgroundPainter.Brighten(ground, -25), random);
        BackgroundPainter.Speckle(canvas, horizon, height, 150, ground, 20, random);
    }

    private static void DrawBricks(Canvas canvas, double bottom, Scalar brick, SynthRandom random)
    {
        var rowHeight = random.Uniform(9, 13);
        var brickWidth = random.Uniform(22, 30);
        var mortar = 2.0;
        var row = 0;
        var width = canvas.Image.Cols;
        for (var y = 0.0; y < bottom; y += rowHeight, row++)
        {
            var offset = row % 2 == 0 ? 0 : -brickWidth / 2;
            for (var x = offset; x < width; x += brickWidth)
            {
                canvas.FillRectangle(x + mortar / 2, y + mortar / 2, x + brickWidth - mortar / 2, Math.Min(bottom, y + rowHeight - mortar / 2), BackgroundPainter.Jitter(brick, 14, random));
            }
        }
    }

    private static void DrawFacade(Canvas canvas, double left, double top, double right, double bottom, SynthRandom random)
    {
        var facade = BackgroundPainter.Jitter(random.Pick(FacadeColours), 12, random);
        canvas.FillRectangle(left, top, right, bottom, facade);

        var glass = BackgroundPainter.Jitter(new Scalar(95, 80, 65), 15, random);
        var frame = BackgroundPainter.Brighten(facade, 35);
        var windowWidth = random.Uniform(14, 22);
        var windowHeight = random.Uniform(20, 30);
        var gapX = random.Uniform(8, 14);
        var gapY = random.Uniform(10, 18);
        for (var y = top + gapY; y + windowHeight < bottom - 6; y += windowHeight + gapY)
        {
            for (var x = left + gapX; x + windowWidth < right - 2; x += windowWidth + gapX)
            {
                canvas.FillRectangle(x - 2, y - 2, x + windowWidth + 2, y + windowHeight + 2, frame);
                canvas.FillRectangle(x, y, x + windowWidth, y + windowHeight, glass);
            }
        }
    }
}
