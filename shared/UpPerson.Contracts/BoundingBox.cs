namespace UpPerson.Contracts;

/// <summary>
/// Axis-aligned box in frame pixel coordinates: (X, Y) is the top-left corner, and the box covers
/// columns X..X+Width-1 and rows Y..Y+Height-1.
/// </summary>
public readonly record struct BoundingBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public long Area => (long)Width * Height;

    /// <summary>Intersection over union with another box; 0 when either box is empty.</summary>
    public double IntersectionOverUnion(BoundingBox other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        if (right <= left || bottom <= top)
        {
            return 0;
        }

        var intersection = (double)(right - left) * (bottom - top);
        var union = Area + other.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /// <summary>Clips the box to a frame of the given size; the result may be empty.</summary>
    public BoundingBox ClampTo(int frameWidth, int frameHeight)
    {
        var left = Math.Clamp(X, 0, frameWidth);
        var top = Math.Clamp(Y, 0, frameHeight);
        var right = Math.Clamp(Right, 0, frameWidth);
        var bottom = Math.Clamp(Bottom, 0, frameHeight);
        return new BoundingBox(left, top, Math.Max(0, right - left), Math.Max(0, bottom - top));
    }

    public override string ToString() => $"{X},{Y},{Width}x{Height}";
}
