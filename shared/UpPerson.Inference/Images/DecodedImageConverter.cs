using OpenCvSharp;

namespace UpPerson.Inference;

/// <summary>Turns whatever OpenCV decoded with <see cref="ImreadModes.Unchanged"/> into 8-bit BGR.</summary>
internal static class DecodedImageConverter
{
    /// <summary>Converts <paramref name="decoded"/> and disposes it when a new Mat replaces it.</summary>
    public static Mat ToBgr8(Mat decoded, Vec3b alphaBackgroundBgr, string sourceName)
    {
        var image = ToEightBit(decoded, sourceName);

        var channels = image.Channels();
        switch (channels)
        {
            case 3:
                return image;

            case 1:
                return Replace(image, gray =>
                {
                    var bgr = new Mat();
                    Cv2.CvtColor(gray, bgr, ColorConversionCodes.GRAY2BGR);
                    return bgr;
                });

            case 4:
                return Replace(image, bgra => CompositeOverBackground(bgra, alphaBackgroundBgr));

            default:
                image.Dispose();
                throw new ImageDecodeException(
                    sourceName,
                    $"Image '{sourceName}' decoded to {channels} channels; only gray, BGR and BGRA images are supported. Convert it to an RGB PNG or JPEG.");
        }
    }

    private static Mat ToEightBit(Mat decoded, string sourceName)
    {
        var depth = decoded.Depth();
        if (depth == MatType.CV_8U)
        {
            return decoded;
        }

        if (depth == MatType.CV_16U)
        {
            // 65535 / 257 = 255, so the full 16-bit range maps onto the full 8-bit range, rounded.
            return Replace(decoded, wide =>
            {
                var narrow = new Mat();
                wide.ConvertTo(narrow, MatType.MakeType(MatType.CV_8U, wide.Channels()), 1.0 / 257.0);
                return narrow;
            });
        }

        var type = decoded.Type();
        decoded.Dispose();
        throw new ImageDecodeException(
            sourceName,
            $"Image '{sourceName}' has samples of type {type}; only 8-bit and 16-bit integer images are supported. Convert it to an 8-bit PNG or JPEG.");
    }

    /// <summary>
    /// Blends each pixel as (colour·α + background·(255 − α)) / 255, rounded to nearest, so α = 0
    /// yields exactly the background and α = 255 exactly the pixel.
    /// </summary>
    private static Mat CompositeOverBackground(Mat bgra, Vec3b background)
    {
        var rows = bgra.Rows;
        var columns = bgra.Cols;
        var bgr = new Mat(rows, columns, MatType.CV_8UC3);
        for (var y = 0; y < rows; y++)
        {
            var source = bgra.RowSpan<byte>(y);
            var target = bgr.RowSpan<byte>(y);
            for (var x = 0; x < columns; x++)
            {
                var alpha = source[(4 * x) + 3];
                var inverse = 255 - alpha;
                target[3 * x] = (byte)(((source[4 * x] * alpha) + (background.Item0 * inverse) + 127) / 255);
                target[(3 * x) + 1] = (byte)(((source[(4 * x) + 1] * alpha) + (background.Item1 * inverse) + 127) / 255);
                target[(3 * x) + 2] = (byte)(((source[(4 * x) + 2] * alpha) + (background.Item2 * inverse) + 127) / 255);
            }
        }

        return bgr;
    }

    private static Mat Replace(Mat source, Func<Mat, Mat> convert)
    {
        using (source)
        {
            return convert(source);
        }
    }
}
