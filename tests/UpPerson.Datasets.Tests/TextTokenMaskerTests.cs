using UpPerson.Tokenization;

namespace UpPerson.Datasets.Tests;

public sealed class TextTokenMaskerTests
{
    private const long Mask = ClipTokenizer.MaskId;

    [Fact]
    public void Mask_ManyDraws_SelectsFifteenPercentAndSplits80_10_10()
    {
        // 75 ordinary tokens fill a 77-token context between start and end.
        var ids = new long[77];
        ids[0] = ClipTokenizer.StartOfTextId;
        for (var position = 1; position <= 75; position++)
        {
            ids[position] = 300 + position;
        }

        ids[76] = ClipTokenizer.EndOfTextId;
        var masker = new TextTokenMasker();
        var random = new Random(1234);
        long trials = 0, selected = 0, masked = 0, replaced = 0, unchanged = 0;

        for (var draw = 0; draw < 4000; draw++)
        {
            var result = masker.Mask(ids, random);
            trials += 75;
            selected += result.SelectedPositions.Count;
            foreach (var position in result.SelectedPositions)
            {
                var value = result.Ids[position];
                if (value == Mask)
                {
                    masked++;
                }
                else if (value == ids[position])
                {
                    unchanged++;
                }
                else
                {
                    Assert.InRange(value, 1, 49_404);
                    replaced++;
                }
            }
        }

        // 300,000 token trials: the selection rate's standard deviation is about 0.00065 and the
        // shares among about 45,000 selected tokens have deviations below 0.002, so the tolerances
        // below are more than 5 standard deviations. A random id that equals the original (1 in
        // 49,404) counts as unchanged, which is far below the tolerance.
        Assert.InRange(selected / (double)trials, 0.15 - 0.004, 0.15 + 0.004);
        Assert.InRange(masked / (double)selected, 0.8 - 0.01, 0.8 + 0.01);
        Assert.InRange(replaced / (double)selected, 0.1 - 0.01, 0.1 + 0.01);
        Assert.InRange(unchanged / (double)selected, 0.1 - 0.01, 0.1 + 0.01);
    }

    [Fact]
    public void Mask_SpecialTokens_NeverChangeOrGetSelected()
    {
        // Id 0 is both padding and "!", so an exclamation mark in the text is never masked either.
        long[] ids = [ClipTokenizer.StartOfTextId, 320, 0, 1929, 531, ClipTokenizer.EndOfTextId, 0, 0, 0];
        int[] special = [0, 2, 5, 6, 7, 8];
        var masker = new TextTokenMasker(new TextMaskingOptions { SelectionProbability = 0.9 });
        var random = new Random(77);

        for (var draw = 0; draw < 2000; draw++)
        {
            var result = masker.Mask(ids, random);

            foreach (var position in special)
            {
                Assert.Equal(ids[position], result.Ids[position]);
                Assert.DoesNotContain(position, result.SelectedPositions);
            }
        }
    }

    [Fact]
    public void Mask_NothingSelected_FallsBackToPositionOne()
    {
        long[] ids = [ClipTokenizer.StartOfTextId, 320, 1929, 531, ClipTokenizer.EndOfTextId, 0];
        var masker = new TextTokenMasker(new TextMaskingOptions { SelectionProbability = 0 });
        var random = new Random(5);
        var masked = 0;

        for (var draw = 0; draw < 1000; draw++)
        {
            var result = masker.Mask(ids, random);

            Assert.Equal([1], result.SelectedPositions);
            Assert.Equal(ids.AsSpan(2).ToArray(), result.Ids.AsSpan(2).ToArray());
            masked += result.Ids[1] == Mask ? 1 : 0;
        }

        // The fallback token still goes through the 80/10/10 choice: Binomial(1000, 0.8) ± 5 deviations.
        Assert.InRange(masked, 800 - 65, 800 + 65);
    }

    [Fact]
    public void Mask_EmptyCaption_LeavesStartAndEndTokens()
    {
        long[] ids = [ClipTokenizer.StartOfTextId, ClipTokenizer.EndOfTextId, 0, 0];
        var masker = new TextTokenMasker();

        var result = masker.Mask(ids, new Random(3));

        Assert.Empty(result.SelectedPositions);
        Assert.Equal(ids, result.Ids);
    }

    [Fact]
    public void Mask_CalledTwice_DrawsFreshMasks()
    {
        var ids = ClipTokenizer.CreateDefault().EncodeForModel("a woman in a long red coat with a black handbag and white shoes walking to the left").Ids;
        var masker = new TextTokenMasker();
        var random = new Random(11);

        var first = masker.Mask(ids, random);
        var second = masker.Mask(ids, random);

        Assert.NotEqual(first.Ids, second.Ids);
        Assert.Equal(ids, ClipTokenizer.CreateDefault().EncodeForModel("a woman in a long red coat with a black handbag and white shoes walking to the left").Ids);
    }

    [Fact]
    public void MaskInPlace_SameSeed_MatchesMask()
    {
        var ids = ClipTokenizer.CreateDefault().EncodeForModel("a man with a grey backpack and blue jeans").Ids;
        var masker = new TextTokenMasker();
        var expected = masker.Mask(ids, new Random(8));

        var inPlace = ids.ToArray();
        var count = masker.MaskInPlace(inPlace, new Random(8));

        Assert.Equal(expected.Ids, inPlace);
        Assert.Equal(expected.SelectedPositions.Count, count);
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesEverySetting()
    {
        var options = new TextMaskingOptions { SelectionProbability = -0.1, MaskTokenProbability = 0.95, RandomIdMin = 10, RandomIdMax = 5 };

        var exception = Assert.Throws<ArgumentException>(() => new TextTokenMasker(options));

        Assert.Contains("SelectionProbability is -0.1", exception.Message);
        Assert.Contains("MaskTokenProbability 0.95 and RandomTokenProbability 0.1", exception.Message);
        Assert.Contains("Random id range 10..5", exception.Message);
    }
}
