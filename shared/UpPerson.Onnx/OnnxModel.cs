using System.Globalization;
using UpPerson.Onnx.Serialization;

namespace UpPerson.Onnx;

/// <summary>
/// A validated graph with its model-level fields, ready to be written as an ONNX
/// <c>ModelProto</c>. Create one with <see cref="OnnxGraphBuilder.Build"/>.
/// </summary>
public sealed class OnnxModel
{
    /// <summary>Protobuf's limit for one serialized message, 2 GiB minus one byte.</summary>
    public const long MaxSerializedBytes = int.MaxValue;

    internal OnnxModel(OnnxGraph graph, int opsetVersion, OnnxModelInfo info)
    {
        Graph = graph;
        OpsetVersion = opsetVersion;
        IrVersion = OnnxOpset.IrVersionFor(opsetVersion);
        Info = info;
    }

    public OnnxGraph Graph { get; }

    /// <summary>Version of the default ("ai.onnx") operator set the model imports.</summary>
    public int OpsetVersion { get; }

    public long IrVersion { get; }

    public OnnxModelInfo Info { get; }

    /// <summary>
    /// Returns the size of the serialized model in bytes without writing it.
    /// </summary>
    public long ComputeSerializedSize() => ProtoWriter.Measure(this, ModelEncoder.Encode);

    /// <summary>
    /// Writes the model to <paramref name="path"/>, streaming initializer data to the file.
    /// The bytes go to "<paramref name="path"/>.partial" first, which is renamed on success and
    /// deleted on failure, so no half-written model is left at <paramref name="path"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The model is larger than <see cref="MaxSerializedBytes"/>.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"The folder '{directory}' for ONNX model '{fullPath}' does not exist. Create it before saving.");
        }

        long expectedSize = EnsureWithinProtobufLimit();
        string partialPath = fullPath + ".partial";
        try
        {
            using (var stream = new FileStream(partialPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20))
            {
                long written = ProtoWriter.Write(stream, this, ModelEncoder.Encode);
                EnsureWrittenSize(expectedSize, written);
            }

            File.Move(partialPath, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(partialPath);
            throw;
        }
    }

    /// <summary>
    /// Writes the model to <paramref name="stream"/>, which stays open, and returns the number of bytes written.
    /// </summary>
    /// <exception cref="NotSupportedException">The model is larger than <see cref="MaxSerializedBytes"/>.</exception>
    public long WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        long expectedSize = EnsureWithinProtobufLimit();
        long written = ProtoWriter.Write(stream, this, ModelEncoder.Encode);
        EnsureWrittenSize(expectedSize, written);
        return written;
    }

    private long EnsureWithinProtobufLimit()
    {
        long size = ComputeSerializedSize();
        if (size > MaxSerializedBytes)
        {
            const double BytesPerGiB = 1024.0 * 1024.0 * 1024.0;
            string bytesText = size.ToString("N0", CultureInfo.InvariantCulture);
            string gibText = (size / BytesPerGiB).ToString("F2", CultureInfo.InvariantCulture);
            string limitText = MaxSerializedBytes.ToString("N0", CultureInfo.InvariantCulture);
            throw new NotSupportedException(
                $"ONNX model '{Graph.Name}' would serialize to {bytesText} bytes ({gibText} GiB), over protobuf's 2 GiB limit " +
                $"of {limitText} bytes for one message. Store the large initializers as float16 (Half[] followed by a Cast " +
                "to float) to halve their size.");
        }

        return size;
    }

    private static void EnsureWrittenSize(long expected, long written)
    {
        if (written != expected)
        {
            throw new InvalidOperationException(
                $"The ONNX model was measured as {expected} bytes but {written} were written. This is a bug in the encoder.");
        }
    }
}
