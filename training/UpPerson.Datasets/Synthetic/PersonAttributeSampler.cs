namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Draws identity attributes with simple, plausible tendencies: women more often have long hair,
/// skirts and handbags, jeans are mostly blue, black or grey, and shoes and bags favour dark colours.
/// </summary>
internal static class PersonAttributeSampler
{
    private static readonly (ClothingColour, double)[] JeansColours =
    [
        (ClothingColour.Blue, 6), (ClothingColour.Black, 2.5), (ClothingColour.Grey, 1.5), (ClothingColour.White, 0.5),
    ];

    private static readonly (ClothingColour, double)[] ShoeColours =
    [
        (ClothingColour.Black, 4), (ClothingColour.White, 3), (ClothingColour.Brown, 1.5), (ClothingColour.Grey, 1),
        (ClothingColour.Red, 0.5), (ClothingColour.Blue, 0.5), (ClothingColour.Pink, 0.3),
    ];

    private static readonly (ClothingColour, double)[] BagColours =
    [
        (ClothingColour.Black, 4), (ClothingColour.Brown, 2), (ClothingColour.Grey, 1.5), (ClothingColour.Blue, 1),
        (ClothingColour.Red, 1), (ClothingColour.White, 0.8), (ClothingColour.Pink, 0.6), (ClothingColour.Green, 0.6),
        (ClothingColour.Purple, 0.4), (ClothingColour.Yellow, 0.4), (ClothingColour.Orange, 0.4),
    ];

    private static readonly (ClothingColour, double)[] HatColours =
    [
        (ClothingColour.Black, 3), (ClothingColour.White, 2), (ClothingColour.Red, 1), (ClothingColour.Blue, 1.5),
        (ClothingColour.Grey, 1), (ClothingColour.Brown, 1), (ClothingColour.Green, 0.6), (ClothingColour.Yellow, 0.5),
        (ClothingColour.Pink, 0.5),
    ];

    private static readonly (HairColour, double)[] HairColours =
    [
        (HairColour.Black, 4), (HairColour.Brown, 3), (HairColour.Blonde, 1.5), (HairColour.Grey, 0.8), (HairColour.Red, 0.6),
    ];

    private static readonly (UpperGarment, double)[] UpperGarments =
    [
        (UpperGarment.TShirt, 3), (UpperGarment.Shirt, 2), (UpperGarment.Jacket, 2.5), (UpperGarment.Coat, 1.5), (UpperGarment.Sweater, 1.5),
    ];

    private static readonly (BagKind, double)[] MenBags =
    [
        (BagKind.None, 4), (BagKind.Backpack, 3), (BagKind.Handbag, 0.6), (BagKind.ShoulderBag, 2),
    ];

    private static readonly (BagKind, double)[] WomenBags =
    [
        (BagKind.None, 3), (BagKind.Backpack, 2), (BagKind.Handbag, 2.5), (BagKind.ShoulderBag, 2.5),
    ];

    private static readonly ClothingColour[] AllColours = Enum.GetValues<ClothingColour>();

    public static PersonAttributes Sample(SynthRandom random)
    {
        var gender = random.Chance(0.5) ? GenderPresentation.Man : GenderPresentation.Woman;
        var isWoman = gender == GenderPresentation.Woman;

        var hairLength = random.Chance(isWoman ? 0.72 : 0.08) ? HairLength.Long : HairLength.Short;
        var hairColour = random.PickWeighted(HairColours);

        var upper = random.PickWeighted(UpperGarments);
        var upperColour = random.Pick(AllColours);
        var sleeves = upper switch
        {
            UpperGarment.TShirt => random.Chance(0.85) ? SleeveLength.Short : SleeveLength.Long,
            UpperGarment.Shirt => random.Chance(0.5) ? SleeveLength.Short : SleeveLength.Long,
            _ => SleeveLength.Long,
        };
        var stripeChance = upper switch
        {
            UpperGarment.TShirt or UpperGarment.Sweater => 0.22,
            UpperGarment.Shirt => 0.12,
            _ => 0.0,
        };
        var stripeColour = random.Chance(stripeChance) ? PickStripeColour(upperColour, random) : (ClothingColour?)null;

        var lower = SampleLower(isWoman, random);
        var lowerColour = lower == LowerGarment.Jeans ? random.PickWeighted(JeansColours) : random.Pick(AllColours);

        var bag = random.PickWeighted(isWoman ? WomenBags : MenBags);
        var hat = random.Chance(0.78) ? HatKind.None : random.Chance(0.65) ? HatKind.Cap : HatKind.Hat;

        return new PersonAttributes
        {
            Gender = gender,
            HairColour = hairColour,
            HairLength = hairLength,
            Upper = upper,
            UpperColour = upperColour,
            Sleeves = sleeves,
            StripeColour = stripeColour,
            Lower = lower,
            LowerColour = lowerColour,
            ShoeColour = random.PickWeighted(ShoeColours),
            Bag = bag,
            BagColour = bag == BagKind.None ? null : random.PickWeighted(BagColours),
            BagSide = random.Chance(0.5) ? BodySide.Left : BodySide.Right,
            Hat = hat,
            HatColour = hat == HatKind.None ? null : random.PickWeighted(HatColours),
            Glasses = random.Chance(0.15),
            SkinTone = random.Next(SynthPalette.SkinToneCount),
            HeightFactor = random.Uniform(0.95, 1.04),
            BuildFactor = random.Uniform(0.92, 1.08),
        };
    }

    private static LowerGarment SampleLower(bool isWoman, SynthRandom random)
    {
        var draw = random.NextDouble();
        if (isWoman)
        {
            return draw switch
            {
                < 0.35 => LowerGarment.Skirt,
                < 0.55 => LowerGarment.Jeans,
                < 0.88 => LowerGarment.Trousers,
                _ => LowerGarment.Shorts,
            };
        }

        return draw switch
        {
            < 0.35 => LowerGarment.Jeans,
            < 0.85 => LowerGarment.Trousers,
            _ => LowerGarment.Shorts,
        };
    }

    // Stripes are white on dark garments and black on light ones, so they read as stripes instead of
    // blending into the garment. Red and orange garments get either.
    private static ClothingColour PickStripeColour(ClothingColour main, SynthRandom random)
    {
        if (main is ClothingColour.Black or ClothingColour.Blue or ClothingColour.Purple or ClothingColour.Brown or ClothingColour.Green)
        {
            return ClothingColour.White;
        }

        if (main is ClothingColour.White or ClothingColour.Yellow or ClothingColour.Pink or ClothingColour.Grey)
        {
            return ClothingColour.Black;
        }

        return random.Chance(0.5) ? ClothingColour.White : ClothingColour.Black;
    }
}
