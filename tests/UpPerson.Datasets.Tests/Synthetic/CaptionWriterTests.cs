using UpPerson.Datasets.Synthetic;

namespace UpPerson.Datasets.Tests.Synthetic;

/// <summary>Checks the caption writer on hand-built people, so that rare attribute combinations are covered for sure.</summary>
public sealed class CaptionWriterTests
{
    private static PersonAttributes Person(ClothingColour colour, GenderPresentation gender, BagKind bag, HatKind hat) => new()
    {
        Gender = gender,
        HairColour = HairColour.Red,
        HairLength = HairLength.Long,
        Upper = UpperGarment.Coat,
        UpperColour = colour,
        Sleeves = SleeveLength.Long,
        Lower = LowerGarment.Skirt,
        LowerColour = colour,
        ShoeColour = colour,
        Bag = bag,
        BagColour = bag == BagKind.None ? null : colour,
        BagSide = BodySide.Left,
        Hat = hat,
        HatColour = hat == HatKind.None ? null : colour,
        Glasses = true,
        SkinTone = 0,
        HeightFactor = 1,
        BuildFactor = 1,
    };

    private static ImageVariation View(Facing facing, bool feetVisible) => new()
    {
        Facing = facing,
        WalkPhase = 0,
        FigureHeight = 320,
        CentreX = 64,
        TopY = 30,
        Scene = BackgroundScene.Street,
        Contrast = 1,
        Brightness = 0,
        ColourGain = (1, 1, 1),
        BlurSigma = 0,
        MotionBlurLength = 0,
        DownscaleFactor = 1,
        Crop = (0, feetVisible ? 0 : 0.05, 0, 0),
        NoiseSigma = 0,
    };

    public static TheoryData<BagKind, HatKind> BagsAndHats => new()
    {
        { BagKind.Backpack, HatKind.Cap },
        { BagKind.Handbag, HatKind.Hat },
        { BagKind.ShoulderBag, HatKind.None },
        { BagKind.None, HatKind.Cap },
    };

    [Theory]
    [MemberData(nameof(BagsAndHats))]
    public void Write_EveryColour_UsesMatchingArticles(BagKind bag, HatKind hat)
    {
        foreach (var colour in Enum.GetValues<ClothingColour>())
        {
            foreach (var gender in Enum.GetValues<GenderPresentation>())
            {
                var person = Person(colour, gender, bag, hat);
                for (var seed = 0; seed < 30; seed++)
                {
                    foreach (var caption in CaptionWriter.Write(person, View(Facing.Front, feetVisible: true), 2, SynthRandom.ForKeys(seed, 99)))
                    {
                        var tokens = CaptionTokenizer.Tokenize(caption);
                        for (var i = 0; i + 1 < tokens.Count; i++)
                        {
                            var startsWithVowel = "aeiou".Contains(tokens[i + 1][0]);
                            Assert.False(tokens[i] == "a" && startsWithVowel, $"Caption '{caption}' has 'a' before '{tokens[i + 1]}'.");
                            Assert.False(tokens[i] == "an" && !startsWithVowel, $"Caption '{caption}' has 'an' before '{tokens[i + 1]}'.");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Write_BackView_NeverMentionsGlasses()
    {
        var person = Person(ClothingColour.Red, GenderPresentation.Woman, BagKind.Backpack, HatKind.None);
        for (var seed = 0; seed < 200; seed++)
        {
            foreach (var caption in CaptionWriter.Write(person, View(Facing.Back, feetVisible: true), 2, SynthRandom.ForKeys(seed, 7)))
            {
                Assert.DoesNotContain("glasses", caption);
                Assert.DoesNotContain("spectacles", caption);
            }
        }
    }

    [Fact]
    public void Write_FeetCropped_NeverMentionsShoes()
    {
        var person = Person(ClothingColour.Blue, GenderPresentation.Man, BagKind.None, HatKind.None);
        for (var seed = 0; seed < 200; seed++)
        {
            foreach (var caption in CaptionWriter.Write(person, View(Facing.Left, feetVisible: false), 2, SynthRandom.ForKeys(seed, 7)))
            {
                var tokens = CaptionTokenizer.Tokenize(caption);
                Assert.DoesNotContain("shoes", tokens);
                Assert.DoesNotContain("sneakers", tokens);
            }
        }
    }

    [Fact]
    public void Write_FewFacts_StillReaches15Words()
    {
        // A plain person without bag, hat or glasses, seen with the feet cropped, offers the fewest facts.
        var person = Person(ClothingColour.Grey, GenderPresentation.Man, BagKind.None, HatKind.None) with { Glasses = false, Upper = UpperGarment.TShirt, Sleeves = SleeveLength.Short };
        for (var seed = 0; seed < 300; seed++)
        {
            foreach (var caption in CaptionWriter.Write(person, View(Facing.Back, feetVisible: false), 3, SynthRandom.ForKeys(seed, 5)))
            {
                Assert.InRange(CaptionWriter.CountWords(caption), CaptionWriter.MinWords, CaptionWriter.MaxWords);
            }
        }
    }

    [Fact]
    public void Write_ManyFacts_StaysWithin60Words()
    {
        var person = Person(ClothingColour.Orange, GenderPresentation.Woman, BagKind.ShoulderBag, HatKind.Hat) with { StripeColour = ClothingColour.White };
        for (var seed = 0; seed < 300; seed++)
        {
            foreach (var caption in CaptionWriter.Write(person, View(Facing.Front, feetVisible: true), 3, SynthRandom.ForKeys(seed, 5)))
            {
                Assert.InRange(CaptionWriter.CountWords(caption), CaptionWriter.MinWords, CaptionWriter.MaxWords);
            }
        }
    }
}
