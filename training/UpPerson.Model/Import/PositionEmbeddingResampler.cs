using TorchSharp;
using static TorchSharp.torch;

namespace UpPerson.Model.Import;

/// <summary>
/// Resizes a ViT position table from the grid it was pretrained on to another grid, by 2-D bilinear
/// interpolation (half-pixel centres, as PyTorch's <c>align_corners=False</c>); the class position
/// is copied unchanged.
/// </summary>
public static class PositionEmbeddingResampler
{
    /// <param name="positions">[1 + oldHeight·oldWidth, width], class position first, grid row-major.</param>
    /// <returns>[1 + newHeight·newWidth, width] in float32.</returns>
    public static Tensor Resample(Tensor positions, int oldHeight, int oldWidth, int newHeight, int newWidth)
    {
        var width = positions.shape[1];
        if (positions.shape[0] != 1 + (long)oldHeight * oldWidth)
        {
            throw new ArgumentException(
                $"Position table has {positions.shape[0]} rows; a {oldHeight}x{oldWidth} grid plus the class position needs {1 + oldHeight * oldWidth}.");
        }

        using var scope = torch.NewDisposeScope();
        var table = positions.to(ScalarType.Float32);
        var classPosition = table.narrow(0, 0, 1);
        if (oldHeight == newHeight && oldWidth == newWidth)
        {
            return table.clone().MoveToOuterDisposeScope();
        }

        // [H·W, width] -> [1, width, H, W], the layout interpolate expects.
        var grid = table.narrow(0, 1, (long)oldHeight * oldWidth)
            .reshape(oldHeight, oldWidth, width)
            .permute(2, 0, 1)
            .unsqueeze(0);
        var resized = nn.functional.interpolate(grid, size: [newHeight, newWidth], mode: InterpolationMode.Bilinear, align_corners: false);
        var rows = resized.squeeze(0).permute(1, 2, 0).reshape((long)newHeight * newWidth, width);
        return torch.cat([classPosition, rows], 0).MoveToOuterDisposeScope();
    }
}
