namespace UpPerson.Datasets.Synthetic;

/// <summary>Draws the per-image variation of pose, placement, scene and camera effects.</summary>
internal static class ImageVariationSampler
{
    private static readonly (Facing, double)[] Facings =
    [
        (Facing.Front, 0.3), (Facing.Back, 0.3), (Facing.Left, 0.2), (Facing.Right, 0.2),
    ];

    private static readonly BackgroundScene[] UrbanScenes = [BackgroundScene.Pavement, BackgroundScene.Street, BackgroundScene.BuildingWall];

    private static readonly BackgroundScene[] ParkScenes = [BackgroundScene.Grass, BackgroundScene.ParkPath, BackgroundScene.IndoorFloor];

    private static readonly BackgroundScene[] AllScenes = [.. UrbanScenes, .. ParkScenes];

    public static ImageVariation Sample(PersonAttributes person, SynthBackgroundSet backgroundSet, SynthRandom random)
    {
        var figureHeight = person.HeightFactor * random.Uniform(0.80, 0.90) * SynthImage.Height;
        var freeHeight = SynthImage.Height - figureHeight;

        var scenes = backgroundSet switch
        {
            SynthBackgroundSet.Urban => UrbanScenes,
            SynthBackgroundSet.Park => ParkScenes,
            SynthBackgroundSet.Mixed => AllScenes,
            _ => throw new NotSupportedException($"Background set {backgroundSet} is not supported."),
        };

        var crop = (Top: 0.0, Bottom: 0.0, Left: 0.0, Right: 0.0);
        if (random.Chance(0.2))
        {
            crop = random.Next(4) switch
            {
                0 => crop with { Top = random.Uniform(0.03, 0.08) },
                1 => crop with { Bottom = random.Uniform(0.04, 0.10) },
                _ => crop with { Left = random.Uniform(0.0, 0.10), Right = random.Uniform(0.0, 0.10) },
            };
        }

        return new ImageVariation
        {
            Facing = random.PickWeighted(Facings),
            WalkPhase = random.Uniform(0, 2 * Math.PI),
            FigureHeight = figureHeight,
            CentreX = SynthImage.Width / 2.0 + random.Uniform(-6, 6),
            TopY = freeHeight * random.Uniform(0.3, 0.7),
            Scene = random.Pick(scenes),
            Contrast = random.Uniform(0.88, 1.12),
            Brightness = random.Uniform(-12, 12),
            ColourGain = (random.Uniform(0.96, 1.04), random.Uniform(0.98, 1.02), random.Uniform(0.96, 1.04)),
            BlurSigma = random.Chance(0.6) ? random.Uniform(0.4, 1.3) : 0,
            MotionBlurLength = random.Chance(0.1) ? random.Next(3, 7) : 0,
            DownscaleFactor = random.Chance(0.25) ? random.Uniform(0.35, 0.7) : 1,
            Crop = crop,
            NoiseSigma = random.Uniform(1.5, 6),
        };
    }
}
