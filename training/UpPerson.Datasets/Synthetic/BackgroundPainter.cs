using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Fills the whole canvas with one scene, then adds soft uneven lighting so flat areas are not uniform.</summary>
internal static class BackgroundPainter
{
    public static void Draw(Canvas canvas, BackgroundScene scene, SynthRandom random)
    {
        switch (scene)
        {
            case BackgroundScene.Pavement:
                UrbanScenePainter.DrawPavement(canvas, random);
                break;
            case BackgroundScene.Street:
                UrbanScenePainter.DrawStreet(canvas, random);
                break;
            case BackgroundScene.BuildingWall:
                UrbanScenePainter.DrawBuildingWall(canvas, random);
                break;
            case BackgroundScene.Grass:
                ParkScenePainter.DrawGrass(canvas, random, withPath: false);
                break;
            case BackgroundScene.ParkPath:
                ParkScenePainter.DrawGrass(canvas, random, withPath: true);
                break;
            case BackgroundScene.IndoorFloor:
                ParkScenePainter.DrawIndoorFloor(canvas, random);
                break;
            default:
                throw new NotSupportedException($"Background scene {scene} is not supported.");
        }

        AddUnevenLighting(canvas.Image, random, amplitude: 14);
    }

    /// <summary>Returns the colour with each channel moved by up to ±<paramref name="spread"/>.</summary>
    public static Scalar Jitter(Scalar colour, double spread, SynthRandom random) => new(
        Math.Clamp(colour.Val0 + random.Uniform(-spread, spread), 0, 255),
        Math.Clamp(colour.Val1 + random.Uniform(-spread, spread), 0, 255),
        Math.Clamp(colour.Val2 + random.Uniform(-spread, spread), 0, 255));

    /// <summary>Returns the colour with all channels moved by the same amount, keeping its hue.</summary>
    public static Scalar Brighten(Scalar colour, double offset) => new(
        Math.Clamp(colour.Val0 + offset, 0, 255),
        Math.Clamp(colour.Val1 + offset, 0, 255),
        Math.Clamp(colour.Val2 + offset, 0, 255));

    /// <summary>
    /// Draws horizontal lines below a horizon whose gaps widen towards the bottom, and lines that fan out
    /// from a vanishing point above the horizon: the joints of a paved or tiled ground seen in perspective.
    /// </summary>
    public static void DrawPerspectiveGrid(Canvas canvas, double horizon, double firstGap, double growth, double fanSpacing, Scalar colour, SynthRandom random)
    {
        var height = canvas.Image.Rows;
        var width = canvas.Image.Cols;

        var gap = firstGap;
        for (var y = horizon + gap * random.NextDouble(); y < height; y += gap)
        {
            canvas.Line(new Point2d(0, y), new Point2d(width, y), 1, colour);
            gap *= growth;
        }

        var vanishingX = width / 2.0 + random.Uniform(-30, 30);
        var vanishingY = horizon - random.Uniform(80, 160);
        var offset = random.Uniform(0, fanSpacing);
        for (var bottomX = -2.0 * width + offset; bottomX < 3.0 * width; bottomX += fanSpacing)
        {
            // Start each fan line at the horizon, where it leaves the vanishing point's ray.
            var t = (horizon - vanishingY) / (height - vanishingY);
            var startX = vanishingX + (bottomX - vanishingX) * t;
            canvas.Line(new Point2d(startX, horizon), new Point2d(bottomX, height), 1, colour);
        }
    }

    /// <summary>Sprinkles small dots of lighter and darker shades, like gravel, asphalt or grass texture.</summary>
    public static void Speckle(Canvas canvas, double top, double bottom, int count, Scalar baseColour, double spread, SynthRandom random)
    {
        var width = canvas.Image.Cols;
        for (var i = 0; i < count; i++)
        {
            var centre = new Point2d(random.Uniform(0, width), random.Uniform(top, bottom));
            canvas.FillCircle(centre, random.Uniform(0.6, 1.6), Brighten(baseColour, random.Uniform(-spread, spread)));
        }
    }

    // A coarse random grid, resized smoothly to the image, brightens and darkens broad areas as
    // shadows and sunlight patches would.
    private static void AddUnevenLighting(Mat image, SynthRandom random, double amplitude)
    {
        using var coarse = new Mat(6, 3, MatType.CV_32FC1);
        var values = new float[6 * 3];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.Uniform(-amplitude, amplitude);
        }

        coarse.SetArray(values);
        using var smooth = new Mat();
        Cv2.Resize(coarse, smooth, new Size(image.Cols, image.Rows), 0, 0, InterpolationFlags.Cubic);
        using var smooth3 = new Mat();
        Cv2.Merge([smooth, smooth, smooth], smooth3);

        using var floatImage = new Mat();
        image.ConvertTo(floatImage, MatType.CV_32FC3);
        Cv2.Add(floatImage, smooth3, floatImage);
        floatImage.ConvertTo(image, MatType.CV_8UC3);
    }
}
