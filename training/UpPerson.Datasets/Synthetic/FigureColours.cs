using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Drawing colours of one identity, with darker shades for folds, far limbs and details.</summary>
internal sealed class FigureColours
{
    public FigureColours(PersonAttributes person)
    {
        Skin = ToScalar(SynthPalette.SkinBgr(person.SkinTone));
        Hair = ToScalar(SynthPalette.HairBgr(person.HairColour));
        Upper = ToScalar(SynthPalette.ClothingBgr(person.UpperColour));
        Stripe = person.StripeColour is { } stripe ? ToScalar(SynthPalette.ClothingBgr(stripe)) : null;
        Lower = ToScalar(SynthPalette.ClothingBgr(person.LowerColour));
        Shoe = ToScalar(SynthPalette.ClothingBgr(person.ShoeColour));
        Bag = person.BagColour is { } bag ? ToScalar(SynthPalette.ClothingBgr(bag)) : Upper;
        Hat = person.HatColour is { } hat ? ToScalar(SynthPalette.ClothingBgr(hat)) : Hair;
    }

    public Scalar Skin { get; }

    public Scalar Hair { get; }

    public Scalar Upper { get; }

    public Scalar? Stripe { get; }

    public Scalar Lower { get; }

    public Scalar Shoe { get; }

    /// <summary>Bag colour; equals <see cref="Upper"/> when there is no bag and is then unused.</summary>
    public Scalar Bag { get; }

    /// <summary>Cap or hat colour; equals <see cref="Hair"/> when there is no headwear and is then unused.</summary>
    public Scalar Hat { get; }

    public static Scalar Eye { get; } = new(35, 30, 30);

    public static Scalar GlassesFrame { get; } = new(20, 20, 20);

    /// <summary>
    /// Darkens a colour (factor below 1) or lightens it (factor above 1). Lightening also adds an offset,
    /// so that seams and collars on black clothing stay visible.
    /// </summary>
    public static Scalar Shade(Scalar colour, double factor)
    {
        if (factor > 1)
        {
            var offset = (factor - 1) * 50;
            return new Scalar(Math.Min(255, colour.Val0 * factor + offset), Math.Min(255, colour.Val1 * factor + offset), Math.Min(255, colour.Val2 * factor + offset));
        }

        return new Scalar(colour.Val0 * factor, colour.Val1 * factor, colour.Val2 * factor);
    }

    private static Scalar ToScalar(Vec3b bgr) => new(bgr.Item0, bgr.Item1, bgr.Item2);
}
