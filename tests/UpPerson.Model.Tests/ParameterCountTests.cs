using UpPerson.Model.Configuration;
using UpPerson.Model.Modules;
using UpPerson.Model.Petl;

namespace UpPerson.Model.Tests;

public sealed class ParameterCountTests
{
    // Expected counts: UP-Person's published table for r = 32, P = 10 on ViT-B/16 at 384 x 128
    // (7,419,816 trainable of 157,037,480), and the same formulas worked out for the other presets.
    [Fact]
    public void Count_CuhkPedesPreset_MatchesPublishedTable()
    {
        using var model = new UpPersonClip(UpPersonPresets.CuhkPedes.Clip, UpPersonPresets.CuhkPedes.Petl);

        var counts = PetlParameters.Count(model);

        Assert.Equal(786_456, counts[ParameterGroup.LoraText]);
        Assert.Equal(1_179_672, counts[ParameterGroup.LoraImage]);
        Assert.Equal(184_356, counts[ParameterGroup.PrefixImage]);
        Assert.Equal(122_916, counts[ParameterGroup.PrefixText]);
        Assert.Equal(3_559_704, counts[ParameterGroup.AdapterImage]);
        Assert.Equal(1_586_712, counts[ParameterGroup.AdapterText]);
        Assert.Equal(149_617_664, counts[ParameterGroup.Frozen]);
        Assert.Equal(7_419_816, counts.Where(c => c.Key != ParameterGroup.Frozen).Sum(c => c.Value));
        Assert.Equal(157_037_480, counts.Values.Sum());
    }

    [Theory]
    [InlineData("icfg-pedes", 7_542_696)]
    [InlineData("rstpreid", 6_191_016)]
    public void Count_OtherDatasetPresets_MatchFormula(string preset, long expectedTrainable)
    {
        var settings = UpPersonPresets.Get(preset);
        using var model = new UpPersonClip(settings.Clip, settings.Petl);

        var counts = PetlParameters.Count(model);

        Assert.Equal(expectedTrainable, counts.Where(c => c.Key != ParameterGroup.Frozen).Sum(c => c.Value));
        Assert.Equal(149_617_664, counts[ParameterGroup.Frozen]);
    }

    // ViT-L/14 (width 1024, 24 blocks; text width 768) at 384 x 128 gives a 27 x 9 grid. Its frozen
    // count is OpenAI's 427,616,513 less logit_scale and 13 position rows (257 - 244) of width 1024.
    [Fact]
    public void Count_CuhkPedesOnVitL14_BuildsWithSameModules()
    {
        var preset = UpPersonPresets.CuhkPedes.WithClip(ClipPresets.VitL14).Validate();
        using var model = new UpPersonClip(preset.Clip, preset.Petl);

        var counts = PetlParameters.Count(model);

        Assert.Equal(427_603_200, counts[ParameterGroup.Frozen]);
        Assert.Equal(21_199_356, counts.Where(c => c.Key != ParameterGroup.Frozen).Sum(c => c.Value));
        Assert.Equal(244, model.Visual.Config.Tokens);
    }
}
