namespace UpPerson.Datasets.Synthetic;

/// <summary>Gender a figure presents. It sets body proportions, hair and clothing tendencies, and the caption wording.</summary>
public enum GenderPresentation
{
    Man,
    Woman,
}

public enum HairColour
{
    Black,
    Brown,
    Blonde,
    Grey,
    Red,
}

public enum HairLength
{
    Short,
    Long,
}

public enum UpperGarment
{
    TShirt,
    Shirt,
    Jacket,
    Coat,
    Sweater,
}

public enum SleeveLength
{
    Short,
    Long,
}

public enum LowerGarment
{
    Trousers,
    Jeans,
    Shorts,
    Skirt,
}

public enum BagKind
{
    None,
    Backpack,
    Handbag,
    ShoulderBag,
}

/// <summary>Headwear: <see cref="Hat"/> is a wide-brimmed hat, drawn and described differently from a cap.</summary>
public enum HatKind
{
    None,
    Cap,
    Hat,
}

/// <summary>Direction the figure faces, in the camera's view.</summary>
public enum Facing
{
    Front,
    Back,
    Left,
    Right,
}

/// <summary>Side of the body that a handbag hangs on or a shoulder bag rests at, in the camera's view of a front-facing figure.</summary>
public enum BodySide
{
    Left,
    Right,
}
