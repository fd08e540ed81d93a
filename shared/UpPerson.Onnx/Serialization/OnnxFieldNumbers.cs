namespace UpPerson.Onnx.Serialization;

// Field numbers of the onnx.proto messages this library writes (onnx.proto, IR version 8 and later).
// Only the fields in use are listed.

internal static class ModelField
{
    public const int IrVersion = 1;
    public const int ProducerName = 2;
    public const int ProducerVersion = 3;
    public const int Domain = 4;
    public const int ModelVersion = 5;
    public const int DocString = 6;
    public const int Graph = 7;
    public const int OpsetImport = 8;
    public const int MetadataProps = 14;
}

internal static class OperatorSetIdField
{
    public const int Domain = 1;
    public const int Version = 2;
}

internal static class StringStringEntryField
{
    public const int Key = 1;
    public const int Value = 2;
}

internal static class GraphField
{
    public const int Node = 1;
    public const int Name = 2;
    public const int Initializer = 5;
    public const int Input = 11;
    public const int Output = 12;
}

internal static class NodeField
{
    public const int Input = 1;
    public const int Output = 2;
    public const int Name = 3;
    public const int OpType = 4;
    public const int Attribute = 5;
}

internal static class AttributeField
{
    public const int Name = 1;
    public const int F = 2;
    public const int I = 3;
    public const int S = 4;
    public const int T = 5;
    public const int Floats = 7;
    public const int Ints = 8;
    public const int Type = 20;
}

internal static class TensorField
{
    public const int Dims = 1;
    public const int DataType = 2;
    public const int Name = 8;
    public const int RawData = 9;
}

internal static class ValueInfoField
{
    public const int Name = 1;
    public const int Type = 2;
}

internal static class TypeField
{
    public const int TensorType = 1;
}

internal static class TensorTypeField
{
    public const int ElemType = 1;
    public const int Shape = 2;
}

internal static class TensorShapeField
{
    public const int Dim = 1;
}

internal static class DimensionField
{
    public const int DimValue = 1;
    public const int DimParam = 2;
}
