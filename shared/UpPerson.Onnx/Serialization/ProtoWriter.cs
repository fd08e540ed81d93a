using Google.Protobuf;

namespace UpPerson.Onnx.Serialization;

/// <summary>
/// Writes protobuf fields to a stream, or only counts their bytes. Both modes run the same
/// encoder code, so the sizes used for length prefixes always match the bytes written.
/// </summary>
/// <remarks>
/// Nested messages are measured before they are written, which lets a large model stream to a
/// file without first being assembled in memory.
/// </remarks>
internal sealed class ProtoWriter
{
    private readonly CodedOutputStream? _output;
    private readonly Stream? _stream;

    private ProtoWriter(CodedOutputStream? output, Stream? stream)
    {
        _output = output;
        _stream = stream;
    }

    /// <summary>Bytes written, or counted, so far.</summary>
    public long Position { get; private set; }

    private bool IsCounting => _output is null;

    public static long Measure<T>(T message, Action<ProtoWriter, T> encode)
    {
        var counter = new ProtoWriter(null, null);
        encode(counter, message);
        return counter.Position;
    }

    /// <summary>
    /// Encodes <paramref name="message"/> to <paramref name="stream"/>, leaving the stream open,
    /// and returns the number of bytes written.
    /// </summary>
    public static long Write<T>(Stream stream, T message, Action<ProtoWriter, T> encode)
    {
        using var output = new CodedOutputStream(stream, leaveOpen: true);
        var writer = new ProtoWriter(output, stream);
        encode(writer, message);
        output.Flush();
        return writer.Position;
    }

    public void WriteInt64(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, WireFormat.WireType.Varint);
        Position += CodedOutputStream.ComputeInt64Size(value);
        _output?.WriteInt64(value);
    }

    public void WriteInt32(int fieldNumber, int value)
    {
        WriteTag(fieldNumber, WireFormat.WireType.Varint);
        Position += CodedOutputStream.ComputeInt32Size(value);
        _output?.WriteInt32(value);
    }

    public void WriteFloat(int fieldNumber, float value)
    {
        WriteTag(fieldNumber, WireFormat.WireType.Fixed32);
        Position += CodedOutputStream.ComputeFloatSize(value);
        _output?.WriteFloat(value);
    }

    public void WriteString(int fieldNumber, string value)
    {
        WriteTag(fieldNumber, WireFormat.WireType.LengthDelimited);
        Position += CodedOutputStream.ComputeStringSize(value);
        _output?.WriteString(value);
    }

    public void WriteMessage<T>(int fieldNumber, T message, Action<ProtoWriter, T> encode)
    {
        long length = Measure(message, encode);
        WriteLengthPrefix(fieldNumber, length);

        if (IsCounting)
        {
            Position += length;
            return;
        }

        long start = Position;
        encode(this, message);
        EnsureLengthMatches(fieldNumber, length, Position - start);
    }

    /// <summary>
    /// Writes a bytes field whose content <paramref name="writeContent"/> writes straight to the
    /// underlying stream, so that large tensors skip the protobuf buffer.
    /// </summary>
    public void WriteBytes(int fieldNumber, long length, Action<Stream> writeContent)
    {
        WriteLengthPrefix(fieldNumber, length);

        if (IsCounting)
        {
            Position += length;
            return;
        }

        // The coded stream buffers; flush it so the raw bytes land after the length prefix.
        _output!.Flush();
        long start = _stream!.CanSeek ? _stream.Position : -1;
        writeContent(_stream);
        if (start >= 0)
        {
            EnsureLengthMatches(fieldNumber, length, _stream.Position - start);
        }

        Position += length;
    }

    private void WriteTag(int fieldNumber, WireFormat.WireType wireType)
    {
        Position += CodedOutputStream.ComputeTagSize(fieldNumber);
        _output?.WriteTag(fieldNumber, wireType);
    }

    private void WriteLengthPrefix(int fieldNumber, long length)
    {
        WriteTag(fieldNumber, WireFormat.WireType.LengthDelimited);

        // Counting may see lengths past 2 GiB; the caller rejects such models before writing.
        Position += CodedOutputStream.ComputeRawVarint64Size((ulong)length);
        _output?.WriteLength(checked((int)length));
    }

    private static void EnsureLengthMatches(int fieldNumber, long expected, long actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException(
                $"Protobuf field {fieldNumber} was measured as {expected} bytes but {actual} were written. " +
                "This is a bug in the ONNX encoder; the output file is corrupt.");
        }
    }
}
