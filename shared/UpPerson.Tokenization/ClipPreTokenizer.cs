using System.Globalization;
using System.Text;

namespace UpPerson.Tokenization;

/// <summary>
/// Splits cleaned text into the pieces that CLIP's pattern matches:
/// <c>&lt;|startoftext|&gt;|&lt;|endoftext|&gt;|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+</c>.
/// Whitespace between matches is dropped and every digit becomes a piece of its own.
/// </summary>
/// <remarks>
/// Written as a scanner rather than a .NET Regex because .NET classes UTF-16 units, so a letter or
/// digit outside the BMP would fall into the punctuation class; Python's regex module, which the
/// reference uses, classes whole code points. Code points are classified with .NET's Unicode data.
/// </remarks>
internal ref struct ClipPreTokenizer
{
    public const string StartOfText = "<|startoftext|>";
    public const string EndOfText = "<|endoftext|>";

    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public ClipPreTokenizer(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        Current = default;
    }

    /// <summary>Start and length of the current piece in the text.</summary>
    public (int Start, int Length) Current { get; private set; }

    public readonly ClipPreTokenizer GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_position < _text.Length)
        {
            var start = _position;
            var rest = _text[start..];
            var special = rest.StartsWith(StartOfText, StringComparison.Ordinal) ? StartOfText.Length
                : rest.StartsWith(EndOfText, StringComparison.Ordinal) ? EndOfText.Length
                : 0;
            var contraction = special == 0 ? ContractionLength(rest) : 0;
            var fixedLength = special + contraction;
            if (fixedLength > 0)
            {
                return Emit(start, fixedLength);
            }

            var kind = Classify(rest, out var width);
            if (kind == PieceKind.Whitespace)
            {
                _position += width;
                continue;
            }

            if (kind == PieceKind.Number)
            {
                return Emit(start, width);
            }

            // Letters join letters; everything else that is not whitespace, a letter or a number
            // joins into one punctuation piece, apostrophes included.
            var end = start + width;
            while (end < _text.Length && Classify(_text[end..], out var nextWidth) == kind)
            {
                end += nextWidth;
            }

            return Emit(start, end - start);
        }

        return false;
    }

    private bool Emit(int start, int length)
    {
        Current = (start, length);
        _position = start + length;
        return true;
    }

    // The contractions are tried before the letter class, so "'s" is its own piece even when
    // more letters follow ("'sun" gives "'s" + "un", as in the reference).
    private static int ContractionLength(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 2 || rest[0] != '\'')
        {
            return 0;
        }

        if (rest[1] is 's' or 't' or 'm' or 'd')
        {
            return 2;
        }

        if (rest.Length >= 3 && (rest[1], rest[2]) is ('r', 'e') or ('v', 'e') or ('l', 'l'))
        {
            return 3;
        }

        return 0;
    }

    private static PieceKind Classify(ReadOnlySpan<char> rest, out int width)
    {
        // An unpaired surrogate (the cleaner replaces them, so only for raw input) counts as
        // punctuation, as Python's regex module treats the lone code point.
        if (Rune.DecodeFromUtf16(rest, out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return PieceKind.Other;
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return PieceKind.Whitespace;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => PieceKind.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber => PieceKind.Number,
            _ => PieceKind.Other,
        };
    }

    private enum PieceKind
    {
        Whitespace,
        Letter,
        Number,
        Other,
    }
}
