using UpPerson.Datasets.Synthetic;

namespace UpPerson.Datasets.Tests.Synthetic;

public sealed class SynthPedsOptionsValidatorTests
{
    private static readonly SynthPedsOptions Valid = new() { OutputDirectory = "/tmp/synthpeds-never-written" };

    public static TheoryData<string, Func<SynthPedsOptions, SynthPedsOptions>> InvalidCases => new()
    {
        { "OutputDirectory", options => options with { OutputDirectory = " " } },
        { "Identities", options => options with { Identities = 0 } },
        { "Identities", options => options with { Identities = SynthPedsOptions.MaxIdentities + 1 } },
        { "ImagesPerIdentity", options => options with { ImagesPerIdentity = 0 } },
        { "ImagesPerIdentity", options => options with { ImagesPerIdentity = 101 } },
        { "CaptionsPerImage", options => options with { CaptionsPerImage = 0 } },
        { "JpegQuality", options => options with { JpegQuality = 0 } },
        { "JpegQuality", options => options with { JpegQuality = 101 } },
        { "MaxDegreeOfParallelism", options => options with { MaxDegreeOfParallelism = 0 } },
        { "BackgroundSet", options => options with { BackgroundSet = (SynthBackgroundSet)7 } },
        { "SetName", options => options with { SetName = "a/b" } },
        { "SetName", options => options with { SetName = "" } },
        { "IdentityOffset", options => options with { IdentityOffset = -1 } },
        { "ValFraction", options => options with { ValFraction = -0.1, TrainFraction = 1.0 } },
        { "TrainFraction", options => options with { TrainFraction = double.NaN } },
        { "add up to 0.9", options => options with { TrainFraction = 0.7 } },
        { "TrainFraction is 0", options => options with { TrainFraction = 0, ValFraction = 0.5, TestFraction = 0.5 } },
        { "Identities is 2, too few", options => options with { Identities = 2 } },
    };

    [Fact]
    public void Validate_Defaults_ReportNoProblem()
    {
        Assert.Empty(SynthPedsOptionsValidator.Validate(Valid));
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_InvalidOption_NamesIt(string expectedText, Func<SynthPedsOptions, SynthPedsOptions> change)
    {
        var problems = SynthPedsOptionsValidator.Validate(change(Valid));

        var problem = Assert.Single(problems);
        Assert.Contains(expectedText, problem);
    }

    [Fact]
    public void ThrowIfInvalid_SeveralProblems_ListsAll()
    {
        var options = Valid with { Identities = 0, JpegQuality = 200, SetName = "with space" };

        var error = Assert.Throws<InvalidSynthPedsOptionsException>(() => SynthPedsOptionsValidator.ThrowIfInvalid(options));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("Identities is 0. Set it between 1 and 1000000.", error.Message);
        Assert.Contains("JpegQuality is 200. Set it between 1 and 100.", error.Message);
        Assert.Contains("SetName 'with space'", error.Message);
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Validate_ZeroValAndTest_AllowsOneIdentity()
    {
        var options = Valid with { Identities = 1, TrainFraction = 1, ValFraction = 0, TestFraction = 0 };

        Assert.Empty(SynthPedsOptionsValidator.Validate(options));
    }

    [Theory]
    [InlineData("urban", SynthBackgroundSet.Urban)]
    [InlineData("PARK", SynthBackgroundSet.Park)]
    [InlineData("Mixed", SynthBackgroundSet.Mixed)]
    public void ParseBackgroundSet_KnownName_ReturnsSet(string name, SynthBackgroundSet expected)
    {
        Assert.Equal(expected, SynthBackgroundSets.Parse(name));
    }

    [Theory]
    [InlineData("forest")]
    [InlineData("1")]
    [InlineData("")]
    public void ParseBackgroundSet_UnknownName_ListsValidNames(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => SynthBackgroundSets.Parse(name));

        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains("urban, park, mixed", error.Message);
    }

    [Theory]
    [InlineData(10, 0.1, 0.1, 8, 1, 1)]
    [InlineData(3, 0.1, 0.1, 1, 1, 1)]
    [InlineData(101, 0.1, 0.1, 81, 10, 10)]
    [InlineData(5, 0, 0.2, 4, 0, 1)]
    public void ComputeSplit_Fractions_GiveContiguousBlocks(int identities, double val, double test, int expectedTrain, int expectedVal, int expectedTest)
    {
        var split = IdentitySplit.Compute(identities, val, test);

        Assert.Equal(expectedTrain, split.Train.Count);
        Assert.Equal(expectedVal, split.Val.Count);
        Assert.Equal(expectedTest, split.Test.Count);
        Assert.Equal(1, split.Train.FirstId);
        Assert.Equal(split.Train.LastId + 1, split.Val.FirstId);
        Assert.Equal(split.Val.LastId + 1, split.Test.FirstId);
        Assert.Equal(identities, split.Test.LastId);
    }
}
