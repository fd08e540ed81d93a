using TorchSharp;
using UpPerson.Model.Configuration;
using static TorchSharp.torch;

namespace UpPerson.Model.Tests;

public sealed class PetlIdentityTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Forward_PrefixOffZeroInitLoraAndAdapters_EqualsPlainClip()
    {
        var loraAndAdapters = new TowerPetlConfig(false, 0, 10f, true, 4, true, 8);
        using var plain = TinyModels.Create(PetlConfig.Disabled);
        using var petl = TinyModels.Create(new PetlConfig(loraAndAdapters, loraAndAdapters), seed: 99);
        TinyModels.CopyShared(plain, petl);
        using var pixels = TinyModels.Pixels(3);
        using var ids = TinyModels.TokenIds(3);
        using var noGrad = torch.no_grad();

        using var plainImage = plain.EncodeImage(pixels);
        using var petlImage = petl.EncodeImage(pixels);
        using var plainText = plain.EncodeText(ids);
        using var petlText = petl.EncodeText(ids);

        Assert.True(TinyModels.MaxAbsDifference(plainImage, petlImage) <= Tolerance);
        Assert.True(TinyModels.MaxAbsDifference(plainText, petlText) <= Tolerance);
    }

    [Fact]
    public void Forward_DefaultPetl_PrefixChangesOutput()
    {
        using var plain = TinyModels.Create(PetlConfig.Disabled);
        using var petl = TinyModels.Create(UpPersonPresets.Tiny.Petl, seed: 99);
        TinyModels.CopyShared(plain, petl);
        using var pixels = TinyModels.Pixels(2);
        using var ids = TinyModels.TokenIds(2);
        using var noGrad = torch.no_grad();

        using var plainImage = plain.EncodeImage(pixels);
        using var petlImage = petl.EncodeImage(pixels);
        using var plainText = plain.EncodeText(ids);
        using var petlText = petl.EncodeText(ids);

        // Prefix values contribute Sp·a·Pv at step 0, so the towers are no longer plain CLIP.
        Assert.True(TinyModels.MaxAbsDifference(plainImage, petlImage) > 1e-4);
        Assert.True(TinyModels.MaxAbsDifference(plainText, petlText) > 1e-4);
    }

    [Fact]
    public void Forward_DefaultPetlWithoutPrefix_EqualsPlainClip()
    {
        var noPrefix = UpPersonPresets.Tiny.Petl.Vision with { Prefix = false };
        using var plain = TinyModels.Create(PetlConfig.Disabled);
        using var petl = TinyModels.Create(new PetlConfig(noPrefix, noPrefix), seed: 5);
        TinyModels.CopyShared(plain, petl);
        using var ids = TinyModels.TokenIds(2);
        using var noGrad = torch.no_grad();

        using var plainText = plain.EncodeText(ids);
        using var petlText = petl.EncodeText(ids);

        Assert.True(TinyModels.MaxAbsDifference(plainText, petlText) <= Tolerance);
    }
}
