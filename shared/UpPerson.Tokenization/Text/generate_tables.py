#!/usr/bin/env python3
"""Regenerate UnicodeTables.g.cs and HtmlEntityTable.g.cs next to this script.

The C# text cleaner must behave like the Python code that OpenAI's CLIP tokenizer runs (str.lower,
unicodedata.normalize, html.unescape, ftfy), but every app in this repository runs with
InvariantGlobalization, where string.Normalize does nothing for non-ASCII text. So the data those
steps need is taken from this Python's unicodedata and html.entities and written out as C# tables.

Usage: python3 generate_tables.py   (standard library only; rerun after a Python upgrade if the
Unicode version should follow it, then run the tokenizer tests)
"""

import html
import html.entities
import pathlib
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
MAX_CODE_POINT = 0x10FFFF
GREEK_CAPITAL_SIGMA = "\u03a3"
GREEK_FINAL_SIGMA = "\u03c2"


def all_chars():
    for code_point in range(MAX_CODE_POINT + 1):
        yield code_point, chr(code_point)


def to_ranges(code_points):
    """Collapse a sorted list of code points into inclusive [start, end] ranges."""
    ranges = []
    for code_point in code_points:
        if ranges and ranges[-1][1] == code_point - 1:
            ranges[-1][1] = code_point
        else:
            ranges.append([code_point, code_point])
    return ranges


def combining_class_ranges():
    """Triples [start, end, class] of code points with a non-zero canonical combining class."""
    triples = []
    for code_point, char in all_chars():
        ccc = unicodedata.combining(char)
        if ccc == 0:
            continue
        if triples and triples[-1][1] == code_point - 1 and triples[-1][2] == ccc:
            triples[-1][1] = code_point
        else:
            triples.append([code_point, code_point, ccc])
    return triples


def canonical_decompositions():
    """Triples [code point, first, second or -1]: one level of canonical decomposition."""
    triples = []
    for code_point, char in all_chars():
        mapping = unicodedata.decomposition(char)
        if not mapping or mapping.startswith("<"):
            continue
        parts = [int(part, 16) for part in mapping.split()]
        if len(parts) not in (1, 2):
            raise SystemExit(f"U+{code_point:04X} has a {len(parts)}-part canonical decomposition")
        triples.append([code_point, parts[0], parts[1] if len(parts) == 2 else -1])
    return triples


def primary_composites(decompositions):
    """Code points that NFC recomposes: a two-part decomposition and NFC leaves them as they are."""
    return [
        code_point
        for code_point, _, second in decompositions
        if second != -1 and unicodedata.normalize("NFC", chr(code_point)) == chr(code_point)
    ]


def lowercase_mappings():
    """Pairs [code point, lower] where str.lower() changes one character into one other."""
    pairs = []
    for code_point, char in all_chars():
        if char == GREEK_CAPITAL_SIGMA:
            continue  # context-dependent, handled by the final-sigma rule in C#
        lower = char.lower()
        if lower == char:
            continue
        if len(lower) != 1:
            if code_point == 0x0130:
                continue  # U+0130 -> "i" + U+0307, special-cased in C#
            raise SystemExit(f"U+{code_point:04X} lower-cases to {len(lower)} characters")
        pairs.append([code_point, ord(lower)])
    return pairs


def final_sigma_classes():
    """Ranges of the two properties CPython's final-sigma rule reads.

    CPython does not expose Cased and Case_Ignorable, so both are measured through str.lower().
    'c' + SIGMA ends in a final sigma exactly when c is cased and not case-ignorable.
    'a' + c + SIGMA ends in one when c is case-ignorable or cased.
    """
    cased = []
    ignorable = []
    for code_point, char in all_chars():
        stops_as_cased = (char + GREEK_CAPITAL_SIGMA).lower()[-1] == GREEK_FINAL_SIGMA
        skipped_or_cased = ("a" + char + GREEK_CAPITAL_SIGMA).lower()[-1] == GREEK_FINAL_SIGMA
        if stops_as_cased:
            cased.append(code_point)
        elif skipped_or_cased:
            ignorable.append(code_point)
    return to_ranges(cased), to_ranges(ignorable)


def width_folds():
    """NFKC of U+FF01..U+FFEF where it differs, as ftfy's fix_character_width uses it."""
    folds = []
    for code_point in range(0xFF01, 0xFFF0):
        char = chr(code_point)
        folded = unicodedata.normalize("NFKC", char)
        folds.append(folded if folded != char else None)
    return folds


def csharp_string(text):
    """Return a C# string literal with everything outside printable ASCII escaped."""
    out = []
    for char in text:
        code_point = ord(char)
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif 0x20 <= code_point < 0x7F:
            out.append(char)
        elif code_point <= 0xFFFF:
            out.append(f"\\u{code_point:04X}")
        else:
            out.append(f"\\U{code_point:08X}")
    return '"' + "".join(out) + '"'


def int_span(name, comment, rows):
    lines = [f"    /// <summary>{comment}</summary>", f"    internal static ReadOnlySpan<int> {name} =>", "    ["]
    rows_per_line = max(1, 8 // max(1, len(rows[0]) if rows else 1))
    for start in range(0, len(rows), rows_per_line):
        chunk = rows[start:start + rows_per_line]
        cells = [f"0x{value:X}" if value >= 0 else str(value) for row in chunk for value in row]
        lines.append("        " + ", ".join(cells) + ",")
    lines.append("    ];")
    return "\n".join(lines)


def header(python_version, unicode_version):
    return "\n".join([
        "// <auto-generated>",
        f"// Written by generate_tables.py from Python {python_version} (Unicode {unicode_version}).",
        "// Do not edit by hand: change the script and run it again.",
        "// </auto-generated>",
        "#nullable enable",
        "",
        "namespace UpPerson.Tokenization.Text;",
        "",
    ])


def write_unicode_tables(python_version, unicode_version):
    decompositions = canonical_decompositions()
    cased, ignorable = final_sigma_classes()
    folds = width_folds()
    parts = [
        header(python_version, unicode_version),
        "internal static class UnicodeTables",
        "{",
        f'    public const string UnicodeVersion = "{unicode_version}";',
        "",
        int_span("CombiningClassRanges", "Triples [first, last, canonical combining class], class 0 omitted.",
                 combining_class_ranges()),
        "",
        int_span("CanonicalDecompositions",
                 "Triples [code point, first, second]: one level of canonical decomposition, second -1 for singletons.",
                 decompositions),
        "",
        int_span("PrimaryComposites", "Code points that canonical composition may produce (not excluded).",
                 [[code_point] for code_point in primary_composites(decompositions)]),
        "",
        int_span("LowercaseMappings", "Pairs [code point, lower case] as Python's str.lower maps single characters.",
                 lowercase_mappings()),
        "",
        int_span("CasedRanges", "Pairs [first, last]: cased and not case-ignorable, as CPython's final-sigma rule sees it.",
                 cased),
        "",
        int_span("CaseIgnorableRanges", "Pairs [first, last]: case-ignorable, as CPython's final-sigma rule sees it.",
                 ignorable),
        "",
        "    /// <summary>NFKC of U+FF01..U+FFEF, indexed from U+FF01; null where NFKC keeps the character.</summary>",
        "    internal static readonly string?[] HalfwidthFullwidthFolds =",
        "    [",
    ]
    parts.extend(f"        {csharp_string(fold) if fold is not None else 'null'}," for fold in folds)
    parts.extend(["    ];", "}", ""])
    (HERE / "UnicodeTables.g.cs").write_text("\n".join(parts), encoding="utf-8")


def ftfy_uppercase_entities(entities):
    """All-caps spellings such as 'NTILDE;' that ftfy 6 also decodes, with the value upper-cased."""
    result = {}
    for name, value in entities.items():
        if name.endswith(";") and name == name.lower():
            upper = name.upper()
            # Only names that html.unescape leaves alone, so no legacy prefix such as "GT" matches.
            if html.unescape("&" + upper) == "&" + upper:
                result[upper] = value.upper()
    return result


def write_html_entities(python_version, unicode_version):
    entities = html.entities.html5
    parts = [
        header(python_version, unicode_version),
        "internal static class HtmlEntityTable",
        "{",
        "    /// <summary>",
        "    /// HTML5 named character references as Python's html.entities.html5 lists them: names with",
        "    /// the trailing semicolon, plus the legacy names that browsers also accept without one.",
        "    /// </summary>",
        "    internal static readonly Dictionary<string, string> Html5 = new(StringComparer.Ordinal)",
        "    {",
    ]
    parts.extend(f"        [{csharp_string(name)}] = {csharp_string(value)}," for name, value in sorted(entities.items()))
    parts.extend([
        "    };",
        "",
        "    /// <summary>Upper-cased names (with semicolon) that ftfy decodes as the upper-cased character.</summary>",
        "    internal static readonly Dictionary<string, string> FtfyUppercase = new(StringComparer.Ordinal)",
        "    {",
    ])
    upper = ftfy_uppercase_entities(entities)
    parts.extend(f"        [{csharp_string(name)}] = {csharp_string(value)}," for name, value in sorted(upper.items()))
    parts.extend(["    };", "}", ""])
    (HERE / "HtmlEntityTable.g.cs").write_text("\n".join(parts), encoding="utf-8")


def main():
    python_version = ".".join(str(part) for part in sys.version_info[:3])
    unicode_version = unicodedata.unidata_version
    write_unicode_tables(python_version, unicode_version)
    write_html_entities(python_version, unicode_version)


if __name__ == "__main__":
    main()
