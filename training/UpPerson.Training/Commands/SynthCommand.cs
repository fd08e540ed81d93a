using System.CommandLine;
using System.Globalization;
using UpPerson.Cli;
using UpPerson.Datasets.Synthetic;

namespace UpPerson.Training.Commands;

/// <summary><c>synth</c>: generates a SynthPeds set (drawn pedestrians with attribute captions) in CUHK-PEDES format.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Dataset folder (reid_raw.json, synthpeds.json, imgs/).", Required = true };
        var identities = new Option<int>("--identities") { Description = "Persons in the set.", DefaultValueFactory = _ => 100 };
        var images = new Option<int>("--images-per-id") { Description = "Images per person.", DefaultValueFactory = _ => 4 };
        var captions = new Option<int>("--captions-per-image") { Description = "Captions per image.", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Seed of attributes, poses, scenes and wording.", DefaultValueFactory = _ => 1 };
        var backgrounds = new Option<string>("--backgrounds") { Description = "Background family: urban, park or mixed.", DefaultValueFactory = _ => "urban" };
        var setName = new Option<string>("--set-name") { Description = "Folder name of the set under imgs/.", DefaultValueFactory = _ => "synthpeds" };
        var offset = new Option<long>("--identity-offset") { Description = "Start of the set in the seed's identity stream; sets that do not overlap have disjoint persons." };
        var split = new Option<string>("--split") { Description = "Train/val/test fractions of the persons.", DefaultValueFactory = _ => "0.8,0.1,0.1" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace a set already in --out." };

        var command = new Command("synth", "Generate a SynthPeds set: drawn pedestrians with captions from their attributes, split by person, in CUHK-PEDES format.")
        {
            output, identities, images, captions, seed, backgrounds, setName, offset, split, overwrite,
        };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(() =>
        {
            var outputPath = parseResult.GetValue(output)!;
            if (File.Exists(outputPath))
            {
                throw new ArgumentException($"--out '{outputPath}' is a file; give a folder for the generated set.");
            }

            var fractions = ParseSplit(parseResult.GetValue(split)!);
            var options = new SynthPedsOptions
            {
                OutputDirectory = outputPath,
                Identities = parseResult.GetValue(identities),
                ImagesPerIdentity = parseResult.GetValue(images),
                CaptionsPerImage = parseResult.GetValue(captions),
                Seed = parseResult.GetValue(seed),
                BackgroundSet = SynthBackgroundSets.Parse(parseResult.GetValue(backgrounds)!),
                SetName = parseResult.GetValue(setName)!,
                IdentityOffset = parseResult.GetValue(offset),
                TrainFraction = fractions[0],
                ValFraction = fractions[1],
                TestFraction = fractions[2],
                Overwrite = parseResult.GetValue(overwrite),
            };

            var progress = new Progress<SynthPedsProgress>(value =>
            {
                if (value.ImagesWritten == value.ImagesTotal || value.ImagesWritten % 500 == 0)
                {
                    Console.Error.WriteLine($"  {value.ImagesWritten}/{value.ImagesTotal} images");
                }
            });
            var summary = SynthPedsGenerator.Generate(options, progress, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {summary.Images} images and {summary.Captions} captions of {options.Identities} persons to {summary.ReidRawPath} in {summary.Elapsed.TotalSeconds:F1} s ({summary.ImagesPerSecond:F0} images/s)."));
            Console.WriteLine("Persons per split: " + string.Join(", ", summary.Split.All.Select(range =>
                range.Count == 0 ? $"{range.Name} none" : $"{range.Name} {range.Count} (ids {range.FirstId}-{range.LastId})")));
            return CommandErrors.Success;
        }));
        return command;
    }

    private static double[] ParseSplit(string value)
    {
        var parts = value.Split(',');
        var fractions = parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN).ToArray();
        if (fractions.Length != 3 || fractions.Any(double.IsNaN))
        {
            throw new ArgumentException($"--split '{value}' must be three fractions for train, val and test, for example 0.8,0.1,0.1.");
        }

        return fractions;
    }
}
