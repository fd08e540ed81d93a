namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Named colours of clothing, shoes, bags and hats. Captions use the lower-case name, and
/// <see cref="SynthPalette"/> gives the colour that is drawn.
/// </summary>
public enum ClothingColour
{
    Black,
    White,
    Grey,
    Red,
    Blue,
    Green,
    Yellow,
    Orange,
    Pink,
    Purple,
    Brown,
}
