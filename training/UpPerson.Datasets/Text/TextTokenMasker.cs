using UpPerson.Tokenization;

namespace UpPerson.Datasets;

/// <summary>
/// UP-Person's text augmentation. Each non-special token (not padding 0, start 49406 or end 49407) is
/// selected with the selection probability. When no token is selected, position 1 (the first token
/// after start) is. Each selected token then becomes the mask id, a random id, or stays, with the
/// configured probabilities. Call it every time a sample is loaded so each epoch gets fresh masks.
/// Thread-safe when each thread passes its own generator.
/// </summary>
public sealed class TextTokenMasker
{
    private const int FallbackPosition = 1;

    private readonly TextMaskingOptions _options;

    /// <exception cref="ArgumentException">An option is invalid; the message names each one.</exception>
    public TextTokenMasker(TextMaskingOptions? options = null)
    {
        _options = options ?? new TextMaskingOptions();
        _options.Validate();
    }

    public TextMaskingOptions Options => _options;

    /// <summary>Returns true for padding, start-of-text and end-of-text ids, which masking never changes.</summary>
    public static bool IsSpecial(long id) =>
        id is ClipTokenizer.PadId or ClipTokenizer.StartOfTextId or ClipTokenizer.EndOfTextId;

    /// <summary>Returns a masked copy of <paramref name="ids"/> and the selected positions.</summary>
    public MaskedTokens Mask(ReadOnlySpan<long> ids, Random random)
    {
        var masked = ids.ToArray();
        var selected = new List<int>();
        MaskCore(masked, random, selected);
        return new MaskedTokens(masked, selected);
    }

    /// <summary>Masks <paramref name="ids"/> in place and returns how many positions were selected.</summary>
    public int MaskInPlace(Span<long> ids, Random random) => MaskCore(ids, random, selected: null);

    private int MaskCore(Span<long> ids, Random random, List<int>? selected)
    {
        ArgumentNullException.ThrowIfNull(random);

        var selectedCount = 0;
        for (var position = 0; position < ids.Length; position++)
        {
            if (!IsSpecial(ids[position]) && random.NextDouble() < _options.SelectionProbability)
            {
                Replace(ids, position, random, selected);
                selectedCount++;
            }
        }

        // A sequence without any non-special token (an empty caption) keeps its start and end tokens.
        if (selectedCount == 0 && ids.Length > FallbackPosition && !IsSpecial(ids[FallbackPosition]))
        {
            Replace(ids, FallbackPosition, random, selected);
            selectedCount++;
        }

        return selectedCount;
    }

    private void Replace(Span<long> ids, int position, Random random, List<int>? selected)
    {
        selected?.Add(position);

        var draw = random.NextDouble();
        if (draw < _options.MaskTokenProbability)
        {
            ids[position] = _options.MaskId;
        }
        else if (draw < _options.MaskTokenProbability + _options.RandomTokenProbability)
        {
            ids[position] = random.NextInt64(_options.RandomIdMin, _options.RandomIdMax + 1);
        }
    }
}
