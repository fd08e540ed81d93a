namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Phrases that name one identity's attributes, each drawn from a few synonyms and word orders.
/// Every phrase is true of the identity: synonyms only swap words that mean the same garment.
/// </summary>
internal sealed class CaptionPhrases(PersonAttributes person, SynthRandom random)
{
    private static readonly string[] ManNouns = ["man", "man", "young man", "male pedestrian", "guy", "gentleman"];

    private static readonly string[] WomanNouns = ["woman", "woman", "young woman", "lady", "girl", "female pedestrian"];

    // "Top" is vague enough that a striped top might read as a different garment, so it names plain ones only.
    private static readonly string[] PlainTShirtNouns = ["t-shirt", "t-shirt", "tee", "top"];

    private static readonly string[] StripedTShirtNouns = ["t-shirt", "t-shirt", "tee"];

    public bool IsMan => person.Gender == GenderPresentation.Man;

    /// <summary>Subject pronoun, capitalised to start a sentence.</summary>
    public string He => IsMan ? "He" : "She";

    /// <summary>Possessive pronoun in lower case.</summary>
    public string His => IsMan ? "his" : "her";

    public string Noun() => random.Pick(IsMan ? ManNouns : WomanNouns);

    /// <summary>A noun phrase that introduces the person, such as "A young man" or "The lady".</summary>
    public string Subject()
    {
        var noun = Noun();
        return random.Next(3) switch
        {
            0 => Capitalise(WithArticle(noun)),
            1 => "The " + noun,
            _ => "This " + noun,
        };
    }

    public string Upper()
    {
        var colour = SynthPalette.Word(person.UpperColour);
        var noun = UpperNoun();
        var sleeves = SleeveAdjective();

        if (person.StripeColour is { } stripeColour)
        {
            var stripe = SynthPalette.Word(stripeColour);
            return random.Next(3) switch
            {
                0 => WithArticle($"{colour} and {stripe} striped {noun}"),
                1 => WithArticle($"{colour} {noun} with {stripe} stripes"),
                _ => WithArticle(Join(sleeves, $"{colour} {noun} with thin {stripe} stripes")),
            };
        }

        return random.Chance(0.5) ? WithArticle(Join(sleeves, $"{colour} {noun}")) : WithArticle(Join(colour, Join(sleeves, noun)));
    }

    public string Lower()
    {
        var colour = SynthPalette.Word(person.LowerColour);
        switch (person.Lower)
        {
            case LowerGarment.Skirt:
                return random.Next(3) switch
                {
                    0 => WithArticle($"{colour} skirt"),
                    1 => WithArticle($"{colour} knee-length skirt"),
                    _ => $"a flared {colour} skirt",
                };

            case LowerGarment.Trousers:
                return Pair($"{colour} {random.Pick(["trousers", "trousers", "pants", "pants", "slacks", "long pants"])}");

            case LowerGarment.Jeans:
                return random.Chance(0.2) ? $"{colour} denim jeans" : Pair($"{colour} jeans");

            case LowerGarment.Shorts:
                return random.Chance(0.2) ? $"knee-length {colour} shorts" : Pair($"{colour} shorts");

            default:
                throw new NotSupportedException($"Lower garment {person.Lower} has no caption wording.");
        }
    }

    public string Shoes() => Pair($"{SynthPalette.Word(person.ShoeColour)} {random.Pick(["shoes", "shoes", "sneakers"])}");

    /// <summary>The cap or hat with its article; call only when the person wears one.</summary>
    public string Headwear()
    {
        var colour = SynthPalette.Word(person.HatColour ?? throw new InvalidOperationException("The person wears no headwear."));
        return person.Hat switch
        {
            HatKind.Cap => random.Chance(0.6) ? WithArticle($"{colour} cap") : WithArticle($"{colour} baseball cap"),
            HatKind.Hat => random.Next(3) switch
            {
                0 => WithArticle($"{colour} hat"),
                1 => $"a wide-brimmed {colour} hat",
                _ => WithArticle($"{colour} sun hat"),
            },
            _ => throw new InvalidOperationException("The person wears no headwear."),
        };
    }

    public string Glasses() => random.Pick(["glasses", "a pair of glasses", "glasses", "spectacles"]);

    /// <summary>Hair as a noun phrase without article, such as "short black hair".</summary>
    public string Hair()
    {
        var length = HairLengthWord();
        var colour = HairColourWord();
        return random.NextDouble() switch
        {
            < 0.12 => $"{colour} hair",
            < 0.2 => $"{length} hair",
            _ => $"{length} {colour} hair",
        };
    }

    /// <summary>A whole sentence about the hair, such as "Her hair is long and blonde."</summary>
    public string HairSentence() => $"{Capitalise(His)} hair is {HairLengthWord()} and {HairColourWord()}.";

    /// <summary>The bag as a participle phrase without "is", such as "carrying a black backpack"; call only when there is a bag.</summary>
    public string BagParticiple()
    {
        var colour = SynthPalette.Word(person.BagColour ?? throw new InvalidOperationException("The person carries no bag."));
        return person.Bag switch
        {
            BagKind.Backpack => random.Next(4) switch
            {
                0 => $"carrying {WithArticle(colour)} backpack",
                1 => $"wearing {WithArticle(colour)} backpack",
                2 => $"carrying {WithArticle(colour)} bag on {His} back",
                _ => $"carrying {WithArticle(colour)} backpack on {His} shoulders",
            },
            BagKind.Handbag => random.Next(4) switch
            {
                0 => $"carrying {WithArticle(colour)} handbag",
                1 => $"holding {WithArticle(colour)} handbag",
                2 => $"holding a small {colour} bag in {His} hand",
                _ => IsMan ? $"carrying a small {colour} bag" : $"carrying {WithArticle(colour)} purse",
            },
            BagKind.ShoulderBag => random.Next(4) switch
            {
                0 => $"carrying {WithArticle(colour)} shoulder bag",
                1 => $"carrying {WithArticle(colour)} bag over {His} shoulder",
                2 => $"wearing {WithArticle(colour)} crossbody bag",
                _ => $"carrying {WithArticle(colour)} bag across {His} body",
            },
            _ => throw new InvalidOperationException("The person carries no bag."),
        };
    }

    /// <summary>The bag as the object of "with", such as "a black backpack on his back"; call only when there is a bag.</summary>
    public string BagWithObject()
    {
        var colour = SynthPalette.Word(person.BagColour ?? throw new InvalidOperationException("The person carries no bag."));
        return person.Bag switch
        {
            BagKind.Backpack => random.Chance(0.5) ? WithArticle($"{colour} backpack") : WithArticle($"{colour} backpack on {His} back"),
            BagKind.Handbag => random.Chance(0.5) ? WithArticle($"{colour} handbag") : WithArticle($"{colour} handbag in {His} hand"),
            BagKind.ShoulderBag => random.Chance(0.5) ? WithArticle($"{colour} shoulder bag") : WithArticle($"{colour} bag over {His} shoulder"),
            _ => throw new InvalidOperationException("The person carries no bag."),
        };
    }

    /// <summary>A sentence for a person without a bag. It avoids the word "bag" so that word always means a bag is there.</summary>
    public string EmptyHandsSentence() => random.Chance(0.5) ? $"{He} is not carrying anything." : $"{Capitalise(His)} hands are empty.";

    /// <summary>
    /// Direction of walking relative to the camera. Side views avoid "left" and "right", because the
    /// horizontal flip of training augmentation would make them false.
    /// </summary>
    public string Direction(Facing facing) => facing switch
    {
        Facing.Front => random.Chance(0.5) ? "towards the camera" : "toward the camera",
        Facing.Back => "away from the camera",
        _ => random.Chance(0.5) ? "past the camera" : "across the scene",
    };

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Prefixes "a" or "an"; every word the captions use starts with a letter that sounds as written.</summary>
    public static string WithArticle(string phrase) => ("aeiou".Contains(phrase[0]) ? "an " : "a ") + phrase;

    private string UpperNoun() => person.Upper switch
    {
        UpperGarment.TShirt => random.Pick(person.StripeColour is null ? PlainTShirtNouns : StripedTShirtNouns),
        UpperGarment.Shirt => random.Pick(["shirt", "shirt", "button-up shirt", "collared shirt"]),
        UpperGarment.Jacket => random.Pick(["jacket", "jacket", "zip-up jacket"]),
        UpperGarment.Coat => random.Pick(["coat", "long coat", "overcoat"]),
        UpperGarment.Sweater => random.Pick(["sweater", "jumper", "pullover"]),
        _ => throw new NotSupportedException($"Upper garment {person.Upper} has no caption wording."),
    };

    // Readers take a t-shirt as short-sleeved, so long sleeves on one are always named. A shirt's sleeves
    // are named more often than not. Other garments always have long sleeves, which go unnamed.
    private string? SleeveAdjective() => (person.Upper, person.Sleeves) switch
    {
        (UpperGarment.TShirt, SleeveLength.Long) => "long-sleeved",
        (UpperGarment.Shirt, SleeveLength.Short) => random.Chance(0.7) ? "short-sleeved" : null,
        (UpperGarment.Shirt, SleeveLength.Long) => random.Chance(0.4) ? "long-sleeved" : null,
        _ => null,
    };

    private string HairLengthWord() => person.HairLength == HairLength.Short ? "short" : random.Chance(0.7) ? "long" : "shoulder-length";

    private string HairColourWord() => person.HairColour switch
    {
        HairColour.Black => random.Chance(0.8) ? "black" : "dark",
        HairColour.Grey => random.Chance(0.7) ? "grey" : "gray",
        _ => SynthPalette.Word(person.HairColour),
    };

    private string Pair(string pluralPhrase) => random.Chance(0.3) ? "a pair of " + pluralPhrase : pluralPhrase;

    private static string Join(string? first, string second) => first is null ? second : first + " " + second;
}
