using OpenCvSharp;

namespace UpPerson.Datasets.Tests;

/// <summary>Writes small test images with OpenCV.</summary>
internal static class TestImages
{
    /// <summary>Writes a 12 × 6 (height × width) BGR image of one colour; the extension picks PNG or JPEG.</summary>
    public static string WriteSolid(string path, byte blue = 40, byte green = 120, byte red = 200)
    {
        using var image = new Mat(12, 6, MatType.CV_8UC3, new Scalar(blue, green, red));
        Write(path, image);
        return path;
    }

    /// <summary>Writes a 12 × 6 single-channel grayscale image.</summary>
    public static string WriteGray(string path, byte level)
    {
        using var image = new Mat(12, 6, MatType.CV_8UC1, new Scalar(level));
        Write(path, image);
        return path;
    }

    /// <summary>Writes a 12 × 6 fully opaque BGRA PNG.</summary>
    public static string WriteOpaqueBgra(string path, byte blue, byte green, byte red)
    {
        using var image = new Mat(12, 6, MatType.CV_8UC4, new Scalar(blue, green, red, 255));
        Write(path, image);
        return path;
    }

    /// <summary>Returns an image whose pixels all differ, so flips and shifts are visible: B = 3y + x, G = 100 + x, R = 200 − y.</summary>
    public static Mat Gradient(int height, int width)
    {
        var image = new Mat(height, width, MatType.CV_8UC3);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image.Set(y, x, new Vec3b((byte)((3 * y) + x), (byte)(100 + x), (byte)(200 - y)));
            }
        }

        return image;
    }

    private static void Write(string path, Mat image)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.True(Cv2.ImWrite(path, image), $"OpenCV failed to write test image '{path}'.");
    }
}
