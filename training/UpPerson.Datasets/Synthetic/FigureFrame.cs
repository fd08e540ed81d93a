using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>
/// Maps figure coordinates to canvas pixels. Figure coordinates are fractions of the figure's height.
/// x runs across the body from its centre line. It grows towards the way a side view faces, and to the
/// camera's right in front and back views. y runs down from the top of the head.
/// </summary>
internal sealed class FigureFrame
{
    public FigureFrame(PersonAttributes person, ImageVariation variation)
    {
        Unit = variation.FigureHeight;
        CentreX = variation.CentreX;
        TopY = variation.TopY;
        Direction = variation.Facing == Facing.Left ? -1 : 1;
        Build = person.BuildFactor;
    }

    /// <summary>Figure height in pixels; one figure unit.</summary>
    public double Unit { get; }

    public double CentreX { get; }

    public double TopY { get; }

    /// <summary>+1 when figure x grows to the camera's right, −1 for a figure facing left.</summary>
    public int Direction { get; }

    /// <summary>Width factor of this identity's body.</summary>
    public double Build { get; }

    public Point2d At(double x, double y) => new(CentreX + Direction * x * Unit, TopY + y * Unit);

    public Point2d At(Point2d figurePoint) => At(figurePoint.X, figurePoint.Y);

    public double Pixels(double figureLength) => figureLength * Unit;
}
