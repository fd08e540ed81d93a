namespace UpPerson.Datasets.Synthetic;

/// <summary>One kind of scene drawn behind a figure; <see cref="SynthBackgroundSet"/> chooses which kinds a set uses.</summary>
public enum BackgroundScene
{
    Pavement,
    Street,
    BuildingWall,
    Grass,
    ParkPath,
    IndoorFloor,
}
