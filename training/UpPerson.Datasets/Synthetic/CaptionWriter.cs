namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Writes CUHK-PEDES-style captions: one to four short English sentences that describe the person
/// from an image, 15–60 words. Like human annotators, a caption may leave out some attributes, but it
/// always names the upper garment with its colour and never states anything false.
/// </summary>
internal static class CaptionWriter
{
    public const int MinWords = 15;
    public const int MaxWords = 60;

    private const int OpeningCount = 7;

    /// <summary>Writes <paramref name="count"/> captions; while openings last, no two share one.</summary>
    public static IReadOnlyList<string> Write(PersonAttributes person, ImageVariation variation, int count, SynthRandom random)
    {
        var openings = Enumerable.Range(0, OpeningCount).ToList();
        var captions = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (openings.Count == 0)
            {
                openings.AddRange(Enumerable.Range(0, OpeningCount));
            }

            var opening = openings[random.Next(openings.Count)];
            openings.Remove(opening);
            captions.Add(WriteOne(person, variation, opening, random));
        }

        return captions;
    }

    public static int CountWords(string caption) => caption.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string WriteOne(PersonAttributes person, ImageVariation variation, int opening, SynthRandom random)
    {
        var phrases = new CaptionPhrases(person, random);
        var facts = ChooseFacts(person, variation, random);
        var sentences = new List<string> { WriteOpening(phrases, facts, variation.Facing, opening, random) };
        sentences.AddRange(WriteRemainingFacts(phrases, facts, random));

        // Short captions get more of what the image shows, as an annotator asked for detail would add.
        var caption = string.Join(' ', sentences);
        foreach (var extra in ExtraFacts(person, variation, facts))
        {
            if (CountWords(caption) >= MinWords)
            {
                break;
            }

            facts.Add(extra);
            sentences.AddRange(WriteRemainingFacts(phrases, facts, random));
            caption = string.Join(' ', sentences);
        }

        if (CountWords(caption) < MinWords && !facts.Mentioned.Contains(Fact.Direction))
        {
            sentences.Add($"{phrases.He} is walking {phrases.Direction(variation.Facing)}.");
            caption = string.Join(' ', sentences);
        }

        return caption;
    }

    private static FactSet ChooseFacts(PersonAttributes person, ImageVariation variation, SynthRandom random)
    {
        var facts = new FactSet();
        facts.Add(Fact.Upper);
        AddIf(facts, Fact.Lower, random.Chance(0.9));
        AddIf(facts, Fact.Shoes, variation.FeetVisible && random.Chance(0.55));
        AddIf(facts, Fact.Hair, random.Chance(person.Hat == HatKind.Hat && person.HairLength == HairLength.Short ? 0.3 : 0.6));
        AddIf(facts, Fact.Headwear, person.Hat != HatKind.None && random.Chance(0.85));
        AddIf(facts, Fact.Glasses, person.Glasses && variation.Facing != Facing.Back && random.Chance(0.6));
        AddIf(facts, Fact.Bag, person.Bag != BagKind.None && random.Chance(0.85));
        AddIf(facts, Fact.EmptyHands, person.Bag == BagKind.None && random.Chance(0.15));
        return facts;
    }

    private static IEnumerable<Fact> ExtraFacts(PersonAttributes person, ImageVariation variation, FactSet facts)
    {
        Fact[] candidates = [Fact.Lower, Fact.Hair, Fact.Shoes, Fact.Bag, Fact.Headwear, Fact.EmptyHands];
        foreach (var fact in candidates)
        {
            var visibleInImage = fact switch
            {
                Fact.Shoes => variation.FeetVisible,
                Fact.Bag => person.Bag != BagKind.None,
                Fact.Headwear => person.Hat != HatKind.None,
                Fact.EmptyHands => person.Bag == BagKind.None,
                _ => true,
            };
            if (visibleInImage && !facts.Contains(fact))
            {
                yield return fact;
            }
        }
    }

    private static string WriteOpening(CaptionPhrases phrases, FactSet facts, Facing facing, int opening, SynthRandom random)
    {
        var subject = phrases.Subject();
        switch (opening)
        {
            case 0:
                return $"{subject} is wearing {List(TakeWorn(phrases, facts, random))}.";

            case 1:
            {
                var worn = List(TakeWorn(phrases, facts, random));
                return facts.Take(Fact.Bag) ? $"{subject} wearing {worn}, {phrases.BagParticiple()}." : $"{subject} wearing {worn}.";
            }

            case 2:
                return facts.Take(Fact.Hair)
                    ? $"{subject} with {phrases.Hair()} is wearing {List(TakeWorn(phrases, facts, random))}."
                    : $"{subject} is dressed in {List(TakeWorn(phrases, facts, random))}.";

            case 3:
            {
                var upper = Take(facts, Fact.Upper, phrases.Upper);
                var lower = Take(facts, Fact.Lower, phrases.Lower);
                var clothes = lower is null ? upper : $"{upper} and {lower}";
                if (facts.Take(Fact.Bag))
                {
                    return $"{subject} in {clothes} is {phrases.BagParticiple()}.";
                }

                facts.MarkMentioned(Fact.Direction);
                return $"{subject} in {clothes} is walking {phrases.Direction(facing)}.";
            }

            case 4:
                facts.MarkMentioned(Fact.Direction);
                return $"{subject} is walking {phrases.Direction(facing)}, wearing {List(TakeWorn(phrases, facts, random))}.";

            case 5:
                return facts.Take(Fact.Hair)
                    ? $"{subject} has {phrases.Hair()} and is wearing {List(TakeWorn(phrases, facts, random))}."
                    : $"{subject} has on {List(TakeWorn(phrases, facts, random))}.";

            default:
            {
                var upper = Take(facts, Fact.Upper, phrases.Upper);
                var lower = Take(facts, Fact.Lower, phrases.Lower);
                return lower is null
                    ? $"The {phrases.Noun()} in the picture is wearing {upper}."
                    : $"The {phrases.Noun()} in the picture is wearing {upper} with {lower}.";
            }
        }
    }

    /// <summary>Turns the facts no sentence has used yet into sentences, sometimes joining two with "and".</summary>
    private static List<string> WriteRemainingFacts(CaptionPhrases phrases, FactSet facts, SynthRandom random)
    {
        var sentences = new List<string>();
        var pending = facts.Unmentioned().OrderBy(_ => random.NextUInt64()).ToList();
        string? heldVerbPhrase = null;

        foreach (var fact in pending)
        {
            facts.MarkMentioned(fact);

            var standalone = StandaloneSentence(phrases, fact, random);
            if (standalone is not null)
            {
                sentences.Add(standalone);
                continue;
            }

            var verbPhrase = VerbPhrase(phrases, fact, random);
            if (heldVerbPhrase is null && random.Chance(0.45))
            {
                heldVerbPhrase = verbPhrase;
                continue;
            }

            sentences.Add(heldVerbPhrase is null ? $"{phrases.He} {WithAlso(verbPhrase, random)}." : $"{phrases.He} {heldVerbPhrase} and {verbPhrase}.");
            heldVerbPhrase = null;
        }

        if (heldVerbPhrase is not null)
        {
            sentences.Add($"{phrases.He} {heldVerbPhrase}.");
        }

        return sentences;
    }

    private static string? StandaloneSentence(CaptionPhrases phrases, Fact fact, SynthRandom random) => fact switch
    {
        Fact.EmptyHands => phrases.EmptyHandsSentence(),
        Fact.Hair when random.Chance(0.3) => phrases.HairSentence(),
        _ => null,
    };

    /// <summary>A verb phrase that follows "He" or "She", such as "is wearing a red cap".</summary>
    private static string VerbPhrase(CaptionPhrases phrases, Fact fact, SynthRandom random) => fact switch
    {
        Fact.Upper => $"{WearsClothing(random)} {phrases.Upper()}",
        Fact.Lower => $"{WearsClothing(random)} {phrases.Lower()}",
        Fact.Shoes => $"{Wears(random)} {phrases.Shoes()}",
        Fact.Headwear => random.Chance(0.5) ? $"{Wears(random)} {phrases.Headwear()}" : $"has {phrases.Headwear()} on {phrases.His} head",
        Fact.Glasses => $"{Wears(random)} {phrases.Glasses()}",
        Fact.Hair => $"has {phrases.Hair()}",
        Fact.Bag => random.Chance(0.75) ? $"is {phrases.BagParticiple()}" : $"has {phrases.BagWithObject()}",
        _ => throw new NotSupportedException($"Fact {fact} has no verb phrase."),
    };

    private static string Wears(SynthRandom random) => random.Pick(["is wearing", "wears", "is wearing", "has on"]);

    // "Dressed in" suits garments but not shoes, headwear or glasses.
    private static string WearsClothing(SynthRandom random) => random.Chance(0.2) ? "is dressed in" : Wears(random);

    /// <summary>Adds "also" where English puts it: after "is", before any other verb.</summary>
    private static string WithAlso(string verbPhrase, SynthRandom random)
    {
        if (!random.Chance(0.25))
        {
            return verbPhrase;
        }

        return verbPhrase.StartsWith("is ", StringComparison.Ordinal) ? "is also " + verbPhrase[3..] : "also " + verbPhrase;
    }

    /// <summary>Takes the worn items for a list: always the upper garment, and headwear, glasses, lower garment and shoes when chosen.</summary>
    private static List<string> TakeWorn(CaptionPhrases phrases, FactSet facts, SynthRandom random)
    {
        var items = new List<string>();
        var headwearFirst = random.Chance(0.5);

        if (headwearFirst && facts.Take(Fact.Headwear))
        {
            items.Add(phrases.Headwear());
        }

        items.Add(Take(facts, Fact.Upper, phrases.Upper)!);
        AddTaken(items, facts, Fact.Lower, phrases.Lower);

        // Keeping shoes or glasses for a later sentence varies the sentence shapes.
        if (random.Chance(0.6))
        {
            AddTaken(items, facts, Fact.Shoes, phrases.Shoes);
        }

        if (!headwearFirst && random.Chance(0.5))
        {
            AddTaken(items, facts, Fact.Headwear, phrases.Headwear);
        }

        if (random.Chance(0.4))
        {
            AddTaken(items, facts, Fact.Glasses, phrases.Glasses);
        }

        return items;
    }

    private static void AddTaken(List<string> items, FactSet facts, Fact fact, Func<string> phrase)
    {
        if (Take(facts, fact, phrase) is { } text)
        {
            items.Add(text);
        }
    }

    private static string? Take(FactSet facts, Fact fact, Func<string> phrase) => facts.Take(fact) ? phrase() : null;

    private static string List(List<string> items) => items.Count switch
    {
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static void AddIf(FactSet facts, Fact fact, bool condition)
    {
        if (condition)
        {
            facts.Add(fact);
        }
    }

    private enum Fact
    {
        Upper,
        Lower,
        Shoes,
        Hair,
        Headwear,
        Glasses,
        Bag,
        EmptyHands,
        Direction,
    }

    /// <summary>The facts chosen for one caption, and which of them a sentence has already used.</summary>
    private sealed class FactSet
    {
        private readonly List<Fact> _chosen = [];

        public HashSet<Fact> Mentioned { get; } = [];

        public void Add(Fact fact)
        {
            if (!_chosen.Contains(fact))
            {
                _chosen.Add(fact);
            }
        }

        public bool Contains(Fact fact) => _chosen.Contains(fact);

        /// <summary>Marks a chosen, unused fact as used and returns true; returns false for any other fact.</summary>
        public bool Take(Fact fact)
        {
            if (!_chosen.Contains(fact) || Mentioned.Contains(fact))
            {
                return false;
            }

            Mentioned.Add(fact);
            return true;
        }

        public void MarkMentioned(Fact fact) => Mentioned.Add(fact);

        public IEnumerable<Fact> Unmentioned() => _chosen.Where(fact => !Mentioned.Contains(fact)).ToList();
    }
}
