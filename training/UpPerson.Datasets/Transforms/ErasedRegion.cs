namespace UpPerson.Datasets;

/// <summary>Rectangle that random erasing filled, in pixels of the transformed image.</summary>
public readonly record struct ErasedRegion(int Top, int Left, int Height, int Width)
{
    public int Area => Height * Width;
}
