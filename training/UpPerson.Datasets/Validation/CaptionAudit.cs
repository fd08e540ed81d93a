using System.Text;
using UpPerson.Tokenization;

namespace UpPerson.Datasets;

/// <summary>
/// Reports odd captions as warnings and keeps them, so training data stays as published: empty ones,
/// non-Latin script, one text describing different persons, and texts cut at the context length.
/// </summary>
internal static class CaptionAudit
{
    private const int SnippetLength = 60;

    public static void Run(
        IReadOnlyList<PersonImageRecord> records,
        ClipTokenizer tokenizer,
        int contextLength,
        int maxExamples,
        ProblemCollector problems,
        CancellationToken cancellationToken)
    {
        ReportEmpty(records, maxExamples, problems);
        ReportNonLatin(records, maxExamples, problems);
        ReportShared(records, maxExamples, problems);
        ReportTruncated(records, tokenizer, contextLength, maxExamples, problems, cancellationToken);
    }

    private static void ReportEmpty(IReadOnlyList<PersonImageRecord> records, int maxExamples, ProblemCollector problems)
    {
        var found = Captions(records).Where(caption => string.IsNullOrWhiteSpace(caption.Text)).ToList();
        if (found.Count == 0)
        {
            return;
        }

        var examples = found.Take(maxExamples).Select(caption => Locate(caption, problems));
        problems.FileWarning(DatasetProblemKind.EmptyCaption,
            $"{found.Count} caption(s) are empty or whitespace only, for example {string.Join("; ", examples)}. "
            + "They are kept and train on an empty text; remove or rewrite them.",
            found[0].Record.RecordIndex);
    }

    private static void ReportNonLatin(IReadOnlyList<PersonImageRecord> records, int maxExamples, ProblemCollector problems)
    {
        var found = new List<(CaptionRef Caption, Rune Letter)>();
        foreach (var caption in Captions(records))
        {
            if (LatinScript.TryFindNonLatinLetter(caption.Text, out var letter))
            {
                found.Add((caption, letter));
            }
        }

        if (found.Count == 0)
        {
            return;
        }

        var examples = found.Take(maxExamples).Select(entry =>
            $"{Locate(entry.Caption, problems)} \"{Snippet(entry.Caption.Text)}\" (U+{entry.Letter.Value:X4})");
        problems.FileWarning(DatasetProblemKind.NonLatinCaption,
            $"{found.Count} caption(s) contain letters outside the Latin script, for example {string.Join("; ", examples)}. "
            + "CLIP's English vocabulary splits such text into byte tokens; they are kept.",
            found[0].Caption.Record.RecordIndex);
    }

    private static void ReportShared(IReadOnlyList<PersonImageRecord> records, int maxExamples, ProblemCollector problems)
    {
        // Persons are (split, id) pairs because own-footage ids are renumbered within each split.
        var byText = new Dictionary<string, SharedText>(StringComparer.Ordinal);
        foreach (var caption in Captions(records))
        {
            if (string.IsNullOrWhiteSpace(caption.Text))
            {
                continue;
            }

            var key = Normalize(caption.Text);
            if (!byText.TryGetValue(key, out var entry))
            {
                entry = new SharedText(caption.Text);
                byText[key] = entry;
            }

            entry.Persons.Add((caption.Record.Split, caption.Record.OriginalPersonId));
            entry.CaptionCount++;
        }

        var shared = byText.Values.Where(entry => entry.Persons.Count > 1).ToList();
        if (shared.Count == 0)
        {
            return;
        }

        var captionCount = shared.Sum(entry => entry.CaptionCount);
        var examples = shared.Take(maxExamples).Select(entry =>
            $"\"{Snippet(entry.Text)}\" for {string.Join(", ", entry.Persons.Take(maxExamples).Select(person => $"{person.Split.ToName()} id {person.Id}"))}");
        problems.FileWarning(DatasetProblemKind.SharedCaption,
            $"{shared.Count} caption text(s) describe more than one person ({captionCount} captions in all, compared ignoring case and spacing), for example {string.Join("; ", examples)}. "
            + "Such a caption is a positive for one person and a negative for the others; they are kept.");
    }

    private static void ReportTruncated(
        IReadOnlyList<PersonImageRecord> records,
        ClipTokenizer tokenizer,
        int contextLength,
        int maxExamples,
        ProblemCollector problems,
        CancellationToken cancellationToken)
    {
        var all = Captions(records).ToList();
        var tokenCounts = new int[all.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, all.Count, options, index =>
        {
            tokenCounts[index] = tokenizer.EncodeForModel(all[index].Text, contextLength).TokenCount;
        });

        var found = Enumerable.Range(0, all.Count).Where(index => tokenCounts[index] > contextLength).ToList();
        if (found.Count == 0)
        {
            return;
        }

        var examples = found.Take(maxExamples).Select(index => $"{Locate(all[index], problems)} ({tokenCounts[index]} tokens)");
        problems.FileWarning(DatasetProblemKind.TruncatedCaption,
            $"{found.Count} caption(s) are longer than {contextLength} tokens and are cut, keeping the first {contextLength - 1} tokens and the end token, "
            + $"for example {string.Join("; ", examples)}. They are kept; shorten them if the end of the description matters.",
            all[found[0]].Record.RecordIndex);
    }

    private static IEnumerable<CaptionRef> Captions(IReadOnlyList<PersonImageRecord> records)
    {
        foreach (var record in records)
        {
            for (var index = 0; index < record.Captions.Count; index++)
            {
                yield return new CaptionRef(record, index, record.Captions[index]);
            }
        }
    }

    private static string Locate(CaptionRef caption, ProblemCollector problems) =>
        $"{problems.RecordLabel(caption.Record.RecordIndex)} caption {caption.CaptionIndex}";

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string Snippet(string text)
    {
        var singleLine = text.ReplaceLineEndings(" ");
        return singleLine.Length <= SnippetLength ? singleLine : string.Concat(singleLine.AsSpan(0, SnippetLength), "...");
    }

    private sealed record CaptionRef(PersonImageRecord Record, int CaptionIndex, string Text);

    private sealed class SharedText(string text)
    {
        public string Text { get; } = text;

        public HashSet<(DatasetSplit Split, string Id)> Persons { get; } = [];

        public int CaptionCount { get; set; }
    }
}
