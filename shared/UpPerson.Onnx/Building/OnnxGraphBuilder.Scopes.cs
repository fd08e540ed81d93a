namespace UpPerson.Onnx;

public sealed partial class OnnxGraphBuilder
{
    private readonly List<string> _scopes = [];
    private string _scopePrefix = "";

    /// <summary>The open scopes joined with dots, for example "visual.blocks.3.attn"; empty at the root.</summary>
    public string CurrentScope => _scopePrefix;

    /// <summary>
    /// Opens a name scope until the returned handle is disposed: node names, generated values and
    /// named initializers inside it are prefixed with <paramref name="name"/> and a dot. Scopes
    /// nest and must be closed in reverse order, which a <c>using</c> block does.
    /// </summary>
    public IDisposable Scope(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.StartsWith('.') || name.EndsWith('.'))
        {
            throw new ArgumentException($"Scope name '{name}' starts or ends with a dot. Pass the name without separators.", nameof(name));
        }

        _scopes.Add(name);
        _scopePrefix = string.Join('.', _scopes);
        return new ScopeHandle(this, _scopes.Count);
    }

    private string QualifyName(string localName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(localName);
        return _scopePrefix.Length == 0 ? localName : $"{_scopePrefix}.{localName}";
    }

    private void CloseScope(int depth)
    {
        if (_scopes.Count != depth)
        {
            throw new InvalidOperationException(
                $"Scope '{_scopes[depth - 1]}' was closed while inner scope '{_scopePrefix}' was still open. " +
                "Dispose scopes in reverse order, for example with nested using blocks.");
        }

        _scopes.RemoveAt(depth - 1);
        _scopePrefix = string.Join('.', _scopes);
    }

    private sealed class ScopeHandle(OnnxGraphBuilder builder, int depth) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            builder.CloseScope(depth);
            _disposed = true;
        }
    }
}
