using System.Text.Json;

namespace UpPerson.Tokenization.Tests;

/// <summary>
/// Paths to the CLIP BPE reference data: the team's shared/data folder beside the repository when
/// it exists, otherwise the copy in this test project's Data folder.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> ClipBpeFolder = new(FindClipBpeFolder);

    private static readonly Lazy<IReadOnlyList<GoldenTokenization>> Goldens = new(ReadGoldens);

    /// <summary>Folder holding goldens.jsonl and bpe_simple_vocab_16e6.txt.gz.</summary>
    public static string ClipBpeDirectory => ClipBpeFolder.Value;

    public static string MergesGzPath => Path.Combine(ClipBpeDirectory, "bpe_simple_vocab_16e6.txt.gz");

    /// <summary>The lines of goldens.jsonl in file order; line n is at index n - 1.</summary>
    public static IReadOnlyList<GoldenTokenization> GoldenLines => Goldens.Value;

    private static string FindClipBpeFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UpPerson.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "clip-bpe"));
                if (Directory.Exists(folder))
                {
                    return folder;
                }

                var copy = Path.Combine(AppContext.BaseDirectory, "Data", "clip-bpe");
                if (!File.Exists(Path.Combine(copy, "goldens.jsonl")))
                {
                    throw new DirectoryNotFoundException(
                        $"Neither the reference data folder '{folder}' nor the test copy '{copy}' exists; rebuild the test project.");
                }

                return copy;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above '{AppContext.BaseDirectory}' contains UpPerson.sln; run the tests from inside the repository.");
    }

    private static IReadOnlyList<GoldenTokenization> ReadGoldens()
    {
        var path = Path.Combine(ClipBpeDirectory, "goldens.jsonl");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path)
            .Select((line, index) => JsonSerializer.Deserialize<GoldenTokenization>(line, options)
                ?? throw new InvalidDataException($"Line {index + 1} of '{path}' is not a JSON object."))
            .ToList();
    }
}

/// <summary>One line of goldens.jsonl.</summary>
internal sealed record GoldenTokenization(string Text, int[] Ids, int[] Ids77);
