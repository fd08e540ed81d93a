using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace UpPerson.Tokenization;

/// <summary>
/// Thread-safe map from a byte-level word to its BPE ids, emptied whenever it reaches its
/// capacity so that memory stays bounded however many distinct words a long-running service tokenises.
/// </summary>
/// <remarks>
/// Lookups take a span, so a hit allocates nothing. Clearing, rather than evicting one entry at a
/// time, keeps the code lock-free. A caption corpus has an estimated few tens of thousands of
/// distinct words, well under the capacity ClipTokenizer sets, so clears should be rare.
/// </remarks>
internal sealed class BpeWordCache
{
    private readonly ConcurrentDictionary<string, int[]> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly int _capacity;

    public BpeWordCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _spanLookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _entries.Count;

    public bool TryGet(ReadOnlySpan<char> word, [NotNullWhen(true)] out int[]? ids) =>
        _spanLookup.TryGetValue(word, out ids);

    public void Add(string word, int[] ids)
    {
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries.TryAdd(word, ids);
    }
}
