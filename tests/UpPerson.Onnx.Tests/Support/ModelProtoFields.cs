using Google.Protobuf;

namespace UpPerson.Onnx.Tests.Support;

/// <summary>
/// Reads top-level <c>ModelProto</c> fields straight from the wire, independently of the writer,
/// for fields that ONNX Runtime's metadata API does not return.
/// </summary>
internal sealed class ModelProtoFields
{
    private const int IrVersionField = 1;
    private const int ProducerVersionField = 3;
    private const int OpsetImportField = 8;
    private const int OpsetDomainField = 1;
    private const int OpsetVersionField = 2;

    public long IrVersion { get; private set; }

    public string ProducerVersion { get; private set; } = "";

    public List<(string Domain, long Version)> OpsetImports { get; } = [];

    public static ModelProtoFields Read(string path)
    {
        var fields = new ModelProtoFields();
        using FileStream stream = File.OpenRead(path);
        var input = new CodedInputStream(stream);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case IrVersionField:
                    fields.IrVersion = input.ReadInt64();
                    break;
                case ProducerVersionField:
                    fields.ProducerVersion = input.ReadString();
                    break;
                case OpsetImportField:
                    fields.OpsetImports.Add(ReadOpset(input.ReadBytes()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return fields;
    }

    private static (string Domain, long Version) ReadOpset(ByteString bytes)
    {
        var input = new CodedInputStream(bytes.ToByteArray());
        string domain = "";
        long version = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case OpsetDomainField:
                    domain = input.ReadString();
                    break;
                case OpsetVersionField:
                    version = input.ReadInt64();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (domain, version);
    }
}
