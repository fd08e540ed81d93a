namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// The fixed appearance of one synthetic identity. Every image of the identity draws these, and
/// every caption describes a subset of them.
/// </summary>
public sealed record PersonAttributes
{
    public required GenderPresentation Gender { get; init; }

    public required HairColour HairColour { get; init; }

    public required HairLength HairLength { get; init; }

    public required UpperGarment Upper { get; init; }

    public required ClothingColour UpperColour { get; init; }

    public required SleeveLength Sleeves { get; init; }

    /// <summary>Colour of thin horizontal stripes on the upper garment; null for a plain garment.</summary>
    public ClothingColour? StripeColour { get; init; }

    public required LowerGarment Lower { get; init; }

    public required ClothingColour LowerColour { get; init; }

    public required ClothingColour ShoeColour { get; init; }

    public required BagKind Bag { get; init; }

    /// <summary>Colour of the bag; null exactly when <see cref="Bag"/> is <see cref="BagKind.None"/>.</summary>
    public ClothingColour? BagColour { get; init; }

    /// <summary>Side the handbag or shoulder bag sits on, in a front view.</summary>
    public required BodySide BagSide { get; init; }

    public required HatKind Hat { get; init; }

    /// <summary>Colour of the cap or hat; null exactly when <see cref="Hat"/> is <see cref="HatKind.None"/>.</summary>
    public ClothingColour? HatColour { get; init; }

    public required bool Glasses { get; init; }

    /// <summary>Index into the skin tones of <see cref="SynthPalette"/>; captions do not mention it.</summary>
    public required int SkinTone { get; init; }

    /// <summary>Height relative to the average figure, 0.95–1.04; captions do not mention it.</summary>
    public required double HeightFactor { get; init; }

    /// <summary>Body width relative to the average figure, 0.92–1.08; captions do not mention it.</summary>
    public required double BuildFactor { get; init; }
}
