using System.Text;

namespace UpPerson.Tokenization.Text;

/// <summary>
/// Unicode Normalization Form C (UAX #15) driven by the generated <see cref="UnicodeTables"/>.
/// </summary>
/// <remarks>
/// string.Normalize cannot be used: every app in this repository runs with InvariantGlobalization,
/// and there it returns non-ASCII text unchanged. Unpaired surrogates pass through untouched, as
/// they do in Python's unicodedata.normalize.
/// </remarks>
internal static class NfcNormalizer
{
    private const int HangulSyllableBase = 0xAC00;
    private const int HangulLeadBase = 0x1100;
    private const int HangulVowelBase = 0x1161;
    private const int HangulTrailBase = 0x11A7;
    private const int HangulLeadCount = 19;
    private const int HangulVowelCount = 21;
    private const int HangulTrailCount = 28;
    private const int HangulSyllablesPerLead = HangulVowelCount * HangulTrailCount;
    private const int HangulSyllableCount = HangulLeadCount * HangulSyllablesPerLead;

    private static readonly Dictionary<int, int> CombiningClasses = BuildCombiningClasses();
    private static readonly Dictionary<int, (int First, int Second)> Decompositions = BuildDecompositions();
    private static readonly Dictionary<long, int> Compositions = BuildCompositions();

    // One bit per code point that can make a string non-NFC: a non-zero combining class, the
    // second half of a composition pair, or a decomposable character that NFC does not keep.
    private static readonly ulong[] MayChange = BuildMayChange();

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsStable(text))
        {
            return text;
        }

        var codePoints = new List<int>(text.Length + 8);
        for (var index = 0; index < text.Length;)
        {
            var codePoint = CodePoints.ReadAt(text, index, out var width);
            Decompose(codePoint, codePoints);
            index += width;
        }

        SortCombiningMarks(codePoints);
        var count = Compose(codePoints);

        var builder = new StringBuilder(text.Length);
        for (var index = 0; index < count; index++)
        {
            CodePoints.Append(builder, codePoints[index]);
        }

        return builder.ToString();
    }

    internal static int GetCombiningClass(int codePoint) =>
        CombiningClasses.TryGetValue(codePoint, out var combiningClass) ? combiningClass : 0;

    private static bool IsStable(string text)
    {
        for (var index = 0; index < text.Length;)
        {
            var codePoint = CodePoints.ReadAt(text, index, out var width);
            if ((MayChange[codePoint >> 6] & (1UL << (codePoint & 63))) != 0)
            {
                return false;
            }

            index += width;
        }

        return true;
    }

    private static void Decompose(int codePoint, List<int> output)
    {
        var syllableIndex = codePoint - HangulSyllableBase;
        if (syllableIndex is >= 0 and < HangulSyllableCount)
        {
            output.Add(HangulLeadBase + syllableIndex / HangulSyllablesPerLead);
            output.Add(HangulVowelBase + syllableIndex % HangulSyllablesPerLead / HangulTrailCount);
            var trail = syllableIndex % HangulTrailCount;
            if (trail != 0)
            {
                output.Add(HangulTrailBase + trail);
            }

            return;
        }

        if (Decompositions.TryGetValue(codePoint, out var parts))
        {
            Decompose(parts.First, output);
            if (parts.Second >= 0)
            {
                Decompose(parts.Second, output);
            }

            return;
        }

        output.Add(codePoint);
    }

    // Canonical ordering: a stable insertion sort of each run of non-starters by combining class.
    private static void SortCombiningMarks(List<int> codePoints)
    {
        for (var index = 1; index < codePoints.Count; index++)
        {
            var current = codePoints[index];
            var currentClass = GetCombiningClass(current);
            if (currentClass == 0)
            {
                continue;
            }

            var position = index;
            while (position > 0 && GetCombiningClass(codePoints[position - 1]) > currentClass)
            {
                codePoints[position] = codePoints[position - 1];
                position--;
            }

            codePoints[position] = current;
        }
    }

    // Canonical composition in place; returns the new length.
    private static int Compose(List<int> codePoints)
    {
        var starterIndex = -1;
        var written = 0;
        for (var read = 0; read < codePoints.Count; read++)
        {
            var codePoint = codePoints[read];
            var combiningClass = GetCombiningClass(codePoint);
            if (starterIndex >= 0)
            {
                // A character is blocked from the starter when something kept in between has
                // class 0 or a class at least as high as its own. SortCombiningMarks put those in
                // ascending order, so the last one decides. Adjacent characters are never blocked.
                var blocked = false;
                if (written - 1 > starterIndex)
                {
                    var lastClass = GetCombiningClass(codePoints[written - 1]);
                    blocked = lastClass == 0 || lastClass >= combiningClass;
                }

                if (!blocked && TryCompose(codePoints[starterIndex], codePoint, out var composite))
                {
                    codePoints[starterIndex] = composite;
                    continue;
                }
            }

            if (combiningClass == 0)
            {
                starterIndex = written;
            }

            codePoints[written++] = codePoint;
        }

        return written;
    }

    private static bool TryCompose(int first, int second, out int composite)
    {
        var leadIndex = first - HangulLeadBase;
        var vowelIndex = second - HangulVowelBase;
        if (leadIndex is >= 0 and < HangulLeadCount && vowelIndex is >= 0 and < HangulVowelCount)
        {
            composite = HangulSyllableBase + (leadIndex * HangulVowelCount + vowelIndex) * HangulTrailCount;
            return true;
        }

        var syllableIndex = first - HangulSyllableBase;
        var trailIndex = second - HangulTrailBase;
        if (syllableIndex is >= 0 and < HangulSyllableCount && syllableIndex % HangulTrailCount == 0
            && trailIndex is > 0 and < HangulTrailCount)
        {
            composite = first + trailIndex;
            return true;
        }

        return Compositions.TryGetValue(PairKey(first, second), out composite);
    }

    private static long PairKey(int first, int second) => ((long)first << 21) | (uint)second;

    private static Dictionary<int, int> BuildCombiningClasses()
    {
        var ranges = UnicodeTables.CombiningClassRanges;
        var classes = new Dictionary<int, int>();
        for (var row = 0; row < ranges.Length; row += 3)
        {
            for (var codePoint = ranges[row]; codePoint <= ranges[row + 1]; codePoint++)
            {
                classes[codePoint] = ranges[row + 2];
            }
        }

        return classes;
    }

    private static Dictionary<int, (int First, int Second)> BuildDecompositions()
    {
        var rows = UnicodeTables.CanonicalDecompositions;
        var decompositions = new Dictionary<int, (int First, int Second)>(rows.Length / 3);
        for (var row = 0; row < rows.Length; row += 3)
        {
            decompositions[rows[row]] = (rows[row + 1], rows[row + 2]);
        }

        return decompositions;
    }

    private static Dictionary<long, int> BuildCompositions()
    {
        var composites = UnicodeTables.PrimaryComposites;
        var compositions = new Dictionary<long, int>(composites.Length);
        foreach (var composite in composites)
        {
            var (first, second) = Decompositions[composite];
            compositions[PairKey(first, second)] = composite;
        }

        return compositions;
    }

    private static ulong[] BuildMayChange()
    {
        var bits = new ulong[(0x10FFFF >> 6) + 1];
        void Mark(int codePoint) => bits[codePoint >> 6] |= 1UL << (codePoint & 63);

        foreach (var codePoint in CombiningClasses.Keys)
        {
            Mark(codePoint);
        }

        var primaryComposites = new HashSet<int>(Compositions.Values);
        foreach (var (codePoint, parts) in Decompositions)
        {
            if (primaryComposites.Contains(codePoint))
            {
                Mark(parts.Second);
            }
            else
            {
                Mark(codePoint);
            }
        }

        for (var vowel = HangulVowelBase; vowel < HangulVowelBase + HangulVowelCount; vowel++)
        {
            Mark(vowel);
        }

        for (var trail = HangulTrailBase + 1; trail < HangulTrailBase + HangulTrailCount; trail++)
        {
            Mark(trail);
        }

        return bits;
    }
}
