namespace UpPerson.Onnx;

// Element-wise and matrix ops. Binary ops broadcast their inputs numpy-style.
public sealed partial class OnnxGraphBuilder
{
    public string Add(string a, string b) => AddNode("Add", [a, b]);

    public string Sub(string a, string b) => AddNode("Sub", [a, b]);

    public string Mul(string a, string b) => AddNode("Mul", [a, b]);

    public string Div(string a, string b) => AddNode("Div", [a, b]);

    /// <summary>Element-wise maximum of two values.</summary>
    public string Max(string a, string b) => AddNode("Max", [a, b]);

    /// <summary>Matrix product with numpy semantics: leading dims broadcast as a batch.</summary>
    public string MatMul(string a, string b) => AddNode("MatMul", [a, b]);

    public string Sigmoid(string x) => AddNode("Sigmoid", [x]);

    public string Relu(string x) => AddNode("Relu", [x]);

    public string Sqrt(string x) => AddNode("Sqrt", [x]);

    /// <summary>Returns a bool value that is true where <paramref name="a"/> equals <paramref name="b"/>.</summary>
    public string Equal(string a, string b) => AddNode("Equal", [a, b]);

    /// <summary>Picks <paramref name="x"/> where <paramref name="condition"/> is true, else <paramref name="y"/>.</summary>
    public string Where(string condition, string x, string y) => AddNode("Where", [condition, x, y]);

    public string Cast(string x, OnnxElementType to)
    {
        to.EnsureDefined(nameof(to));
        return AddNode("Cast", [x], OnnxAttribute.Int("to", (long)to));
    }

    /// <summary>
    /// Copies <paramref name="x"/> under a chosen name (scoped like initializers), for example to
    /// give a graph output a stable name; without a name the output name is generated.
    /// </summary>
    public string Identity(string x, string? outputName = null) =>
        outputName is null ? AddNode("Identity", [x]) : AddNode("Identity", [x], [outputName])[0];
}
