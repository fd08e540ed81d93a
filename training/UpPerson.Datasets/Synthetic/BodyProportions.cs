namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Landmarks of the drawn figure as fractions of its height, measured down from the top of the head.
/// Half-widths are fractions of the height as well. The values follow common figure-drawing
/// proportions, with the head about one eighth of the body. A knee-length skirt reaches below a coat's hem so both stay visible.
/// </summary>
internal static class BodyProportions
{
    public const double HeadCentreY = 0.068;
    public const double HeadRadiusY = 0.060;
    public const double HeadRadiusX = 0.046;
    public const double ShoulderY = 0.160;
    public const double ChestY = 0.250;
    public const double ElbowY = 0.335;
    public const double WaistY = 0.420;
    public const double WristY = 0.470;
    public const double HipY = 0.500;
    public const double CrotchY = 0.535;
    public const double ShortsHemY = 0.640;
    public const double SkirtHemY = 0.745;
    public const double KneeY = 0.725;
    public const double AnkleY = 0.950;
    public const double SoleY = 0.985;

    /// <summary>Length of the thigh and of the shin in the side view, where legs swing.</summary>
    public const double LegSegment = 0.225;

    public static double ShoulderHalfWidth(GenderPresentation gender) => gender == GenderPresentation.Man ? 0.125 : 0.108;

    public static double WaistHalfWidth(GenderPresentation gender) => gender == GenderPresentation.Man ? 0.098 : 0.082;

    public static double HipHalfWidth(GenderPresentation gender) => gender == GenderPresentation.Man ? 0.098 : 0.106;

    /// <summary>Where the upper garment ends: a coat reaches above the knee, the rest cover the hips.</summary>
    public static double UpperHemY(UpperGarment garment) => garment switch
    {
        UpperGarment.Coat => 0.660,
        UpperGarment.Jacket => 0.540,
        UpperGarment.Shirt => 0.530,
        _ => 0.520,
    };
}
