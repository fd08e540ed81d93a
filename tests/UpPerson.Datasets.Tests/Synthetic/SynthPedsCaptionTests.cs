using UpPerson.Datasets.Synthetic;

namespace UpPerson.Datasets.Tests.Synthetic;

/// <summary>A set of 80 identities with 2 images each: 320 captions to check the wording against the attributes.</summary>
public sealed class CaptionTestSet() : GeneratedSet(options => options with { Identities = 80, ImagesPerIdentity = 2, Seed = 23 });

public sealed class SynthPedsCaptionTests(CaptionTestSet set) : IClassFixture<CaptionTestSet>
{
    private static readonly string[] ManWords = ["he", "his", "him", "man", "guy", "gentleman", "male"];
    private static readonly string[] WomanWords = ["she", "her", "woman", "lady", "girl", "female"];
    private static readonly string[] BagWords = ["bag", "backpack", "handbag", "purse"];

    private IEnumerable<(string Caption, IReadOnlyList<string> Tokens, PersonAttributes Person)> Captions() =>
        set.Records.SelectMany(record => record.Captions.Select((caption, index) => (caption, record.ProcessedTokens[index], set.AttributesOf(record.Id))));

    [Fact]
    public void Captions_Always_NameUpperColour()
    {
        foreach (var (caption, tokens, person) in Captions())
        {
            Assert.True(tokens.Contains(SynthPalette.Word(person.UpperColour)), $"Caption '{caption}' does not name the upper colour {person.UpperColour}.");
        }
    }

    [Fact]
    public void Captions_Length_Between15And60Words()
    {
        foreach (var (caption, _, _) in Captions())
        {
            var words = caption.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(words, 15, 60);
            Assert.All(caption, character => Assert.InRange(character, ' ', '~'));
            Assert.True(char.IsUpper(caption[0]), $"Caption '{caption}' does not start with a capital letter.");
            Assert.EndsWith(".", caption);
        }
    }

    [Fact]
    public void Captions_Articles_MatchNextWord()
    {
        foreach (var (caption, tokens, _) in Captions())
        {
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                var startsWithVowel = "aeiou".Contains(tokens[i + 1][0]);
                Assert.False(tokens[i] == "a" && startsWithVowel, $"Caption '{caption}' has 'a' before '{tokens[i + 1]}'.");
                Assert.False(tokens[i] == "an" && !startsWithVowel, $"Caption '{caption}' has 'an' before '{tokens[i + 1]}'.");
            }
        }
    }

    [Fact]
    public void Captions_GenderWords_MatchIdentity()
    {
        foreach (var (caption, tokens, person) in Captions())
        {
            var wrongWords = person.Gender == GenderPresentation.Man ? WomanWords : ManWords;
            Assert.True(!tokens.Intersect(wrongWords).Any(), $"Caption '{caption}' uses words of the other gender for a {person.Gender}.");
        }
    }

    [Fact]
    public void Captions_BagWords_OnlyWhenBagCarried()
    {
        var bagCaptions = 0;
        var bagNamed = 0;
        foreach (var (caption, tokens, person) in Captions())
        {
            var mentionsBag = tokens.Intersect(BagWords).Any();
            if (person.Bag == BagKind.None)
            {
                Assert.False(mentionsBag, $"Caption '{caption}' mentions a bag, but the person carries none.");
                continue;
            }

            bagCaptions++;
            if (mentionsBag && tokens.Contains(SynthPalette.Word(person.BagColour!.Value)))
            {
                bagNamed++;
            }

            if (tokens.Contains("backpack"))
            {
                Assert.Equal(BagKind.Backpack, person.Bag);
            }
        }

        // The writer names a bag in 85 % of captions, plus captions it lengthens; 70 % leaves room for chance.
        Assert.True(bagNamed >= 0.7 * bagCaptions, $"Only {bagNamed} of {bagCaptions} captions of people with a bag name the bag and its colour.");
    }

    [Fact]
    public void Captions_LowerGarment_NamedCorrectly()
    {
        var nouns = new Dictionary<LowerGarment, string[]>
        {
            [LowerGarment.Trousers] = ["trousers", "pants", "slacks"],
            [LowerGarment.Jeans] = ["jeans"],
            [LowerGarment.Shorts] = ["shorts"],
            [LowerGarment.Skirt] = ["skirt"],
        };
        var total = 0;
        var named = 0;
        foreach (var (caption, tokens, person) in Captions())
        {
            total++;
            foreach (var (garment, words) in nouns)
            {
                if (garment != person.Lower)
                {
                    Assert.True(!tokens.Intersect(words).Any(), $"Caption '{caption}' names a {garment}, but the person wears {person.Lower}.");
                }
            }

            if (tokens.Intersect(nouns[person.Lower]).Any() && tokens.Contains(SynthPalette.Word(person.LowerColour)))
            {
                named++;
            }
        }

        Assert.True(named >= 0.8 * total, $"Only {named} of {total} captions name the lower garment with its colour.");
    }

    [Fact]
    public void Captions_Headwear_NamedOnlyWhenWorn()
    {
        foreach (var (caption, tokens, person) in Captions())
        {
            if (person.Hat != HatKind.Cap)
            {
                Assert.False(tokens.Contains("cap"), $"Caption '{caption}' names a cap the person does not wear.");
            }

            if (person.Hat != HatKind.Hat)
            {
                Assert.False(tokens.Contains("hat"), $"Caption '{caption}' names a hat the person does not wear.");
            }

            if (!person.Glasses)
            {
                Assert.False(tokens.Contains("glasses") || tokens.Contains("spectacles"), $"Caption '{caption}' names glasses the person does not wear.");
            }
        }
    }

    [Fact]
    public void Captions_OfOneImage_Differ()
    {
        Assert.All(set.Records, record => Assert.Equal(record.Captions.Count, record.Captions.Distinct().Count()));
    }

    [Fact]
    public void Captions_Wording_Varies()
    {
        var all = Captions().ToList();
        var openings = all.Select(item => string.Join(' ', item.Tokens.Skip(1).Take(2))).Distinct().Count();
        var tokens = all.SelectMany(item => item.Tokens).ToHashSet();

        Assert.True(openings >= 8, $"Captions use only {openings} distinct second and third words.");
        Assert.Contains("trousers", tokens);
        Assert.Contains("pants", tokens);
        Assert.Contains("carrying", tokens);
        Assert.Contains("holding", tokens);
    }

    [Fact]
    public void Captions_SomeCaptions_LeaveAttributesOut()
    {
        // Annotators describe what strikes them; a caption that names every attribute every time would not read like CUHK-PEDES.
        var withoutShoes = Captions().Count(item => !item.Tokens.Contains(SynthPalette.Word(item.Person.ShoeColour)));
        Assert.True(withoutShoes > 0, "Every caption names the shoe colour.");
    }
}
