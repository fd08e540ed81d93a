using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Colours the generator draws (BGR, 8 bits per channel) and the words captions use for them.
/// </summary>
/// <remarks>
/// The clothing colours sit at least 85 apart (Euclidean, BGR), so the lighting jitter of
/// <see cref="ImageEffects"/> (contrast 0.88–1.12 around mid-grey, brightness ±12) seldom moves a
/// plain garment nearer to another named colour.
/// </remarks>
public static class SynthPalette
{
    private static readonly Vec3b[] ClothingColours =
    [
        new(35, 35, 35),     // black
        new(240, 240, 240),  // white
        new(128, 128, 128),  // grey
        new(40, 35, 200),    // red
        new(200, 110, 30),   // blue
        new(50, 140, 40),    // green
        new(40, 215, 235),   // yellow
        new(20, 130, 245),   // orange
        new(200, 150, 250),  // pink
        new(140, 40, 120),   // purple
        new(40, 80, 125),    // brown
    ];

    private static readonly Vec3b[] HairColours =
    [
        new(25, 25, 30),     // black
        new(30, 60, 100),    // brown
        new(110, 190, 225),  // blonde
        new(170, 170, 170),  // grey
        new(35, 60, 165),    // red (auburn)
    ];

    private static readonly Vec3b[] SkinTones =
    [
        new(165, 195, 235),
        new(135, 170, 215),
        new(105, 145, 195),
        new(75, 110, 155),
        new(50, 75, 115),
    ];

    /// <summary>Number of skin tones; <see cref="PersonAttributes.SkinTone"/> indexes them.</summary>
    public static int SkinToneCount => SkinTones.Length;

    /// <summary>The BGR colour drawn for a named clothing colour before per-identity shade and lighting jitter.</summary>
    public static Vec3b ClothingBgr(ClothingColour colour) => ClothingColours[(int)colour];

    public static Vec3b HairBgr(HairColour colour) => HairColours[(int)colour];

    public static Vec3b SkinBgr(int skinTone) => SkinTones[skinTone];

    /// <summary>The caption word for a clothing colour, such as "red".</summary>
    public static string Word(ClothingColour colour) => colour.ToString().ToLowerInvariant();

    /// <summary>The caption word for a hair colour, such as "blonde".</summary>
    public static string Word(HairColour colour) => colour.ToString().ToLowerInvariant();

    /// <summary>Finds the named clothing colour nearest (Euclidean, BGR) to a measured colour.</summary>
    public static ClothingColour NearestClothingColour(double blue, double green, double red)
    {
        var best = ClothingColour.Black;
        var bestDistance = double.MaxValue;
        foreach (var colour in Enum.GetValues<ClothingColour>())
        {
            var bgr = ClothingBgr(colour);
            var distance = Square(bgr.Item0 - blue) + Square(bgr.Item1 - green) + Square(bgr.Item2 - red);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = colour;
            }
        }

        return best;
    }

    private static double Square(double value) => value * value;
}
