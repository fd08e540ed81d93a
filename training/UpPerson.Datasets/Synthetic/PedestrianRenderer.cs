using OpenCvSharp;

namespace UpPerson.Datasets.Synthetic;

/// <summary>Renders one 384×128 BGR image: scene, figure, then camera effects.</summary>
internal static class PedestrianRenderer
{
    /// <summary>Renders an image; the caller owns the returned Mat.</summary>
    /// <param name="random">The image's own stream; the scene and the noise draw from it in a fixed order.</param>
    public static Mat Render(PersonAttributes person, ImageVariation variation, SynthRandom random)
    {
        var image = new Mat(SynthImage.Height, SynthImage.Width, MatType.CV_8UC3, Scalar.All(0));
        try
        {
            var canvas = new Canvas(image);
            BackgroundPainter.Draw(canvas, variation.Scene, random);
            FigurePainter.Draw(canvas, person, variation);
            ImageEffects.Apply(image, variation, random);
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }
}
