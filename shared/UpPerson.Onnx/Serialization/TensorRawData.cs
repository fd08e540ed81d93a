using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UpPerson.Onnx.Serialization;

/// <summary>
/// Writes tensor elements as <c>raw_data</c>: fixed width, little-endian, IEEE 754 for floats and
/// one byte (0 or 1) per bool.
/// </summary>
internal static class TensorRawData
{
    private const int ChunkElements = 1 << 16;

    public static void Write(OnnxTensor tensor, Stream stream)
    {
        switch (tensor.Data)
        {
            case float[] values:
                WriteLittleEndian(values, stream);
                break;
            case Half[] values:
                WriteLittleEndian(values, stream);
                break;
            case long[] values:
                WriteLittleEndian(values, stream);
                break;
            case int[] values:
                WriteLittleEndian(values, stream);
                break;
            case bool[] values:
                WriteLittleEndian(values, stream);
                break;
            default:
                throw new NotSupportedException(
                    $"Tensor arrays of type {tensor.Data.GetType().Name} cannot be written; use float[], Half[], long[], int[] or bool[].");
        }
    }

    private static void WriteLittleEndian<T>(T[] values, Stream stream)
        where T : unmanaged
    {
        int elementSize = Unsafe.SizeOf<T>();
        if (BitConverter.IsLittleEndian || elementSize == 1)
        {
            // Memory order is already the file order, so the array goes out without a copy.
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        // NOTE: this big-endian path has never run, because no big-endian .NET host was available.
        byte[] buffer = new byte[ChunkElements * elementSize];
        for (int start = 0; start < values.Length; start += ChunkElements)
        {
            int count = Math.Min(ChunkElements, values.Length - start);
            Span<byte> chunk = buffer.AsSpan(0, count * elementSize);
            MemoryMarshal.AsBytes(values.AsSpan(start, count)).CopyTo(chunk);
            for (int offset = 0; offset < chunk.Length; offset += elementSize)
            {
                chunk.Slice(offset, elementSize).Reverse();
            }

            stream.Write(chunk);
        }
    }
}
