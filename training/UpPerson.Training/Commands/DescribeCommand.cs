using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using UpPerson.Model.Configuration;
using UpPerson.Model.Modules;
using UpPerson.Model.Petl;

using UpPerson.Cli;

namespace UpPerson.Training.Commands;

/// <summary><c>describe</c>: trainable and total parameter counts of a preset at full size.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset")
        {
            Description = $"Model preset: {string.Join(", ", UpPersonPresets.Names)}.",
            Required = true,
        };
        var clip = new Option<string?>("--clip")
        {
            Description = $"Replace the preset's backbone: {string.Join(", ", ClipPresets.Names)}.",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };

        var command = new Command("describe", "Build the model with random weights and count its parameters per group.")
        {
            preset,
            clip,
            json,
        };
        command.SetAction(parseResult => CommandErrors.RunAsync(() =>
            Run(parseResult.GetValue(preset)!, parseResult.GetValue(clip), parseResult.GetValue(json))));
        return command;
    }

    private static int Run(string presetName, string? clipName, bool asJson)
    {
        var preset = UpPersonPresets.Get(presetName);
        if (clipName is not null)
        {
            preset = preset.WithClip(ClipPresets.Get(clipName));
        }

        preset.Validate();
        using var model = new UpPersonClip(preset.Clip, preset.Petl);
        var counts = PetlParameters.Count(model);
        var total = counts.Values.Sum();
        var trainable = total - counts[ParameterGroup.Frozen];

        if (asJson)
        {
            var groups = new JsonObject();
            foreach (var (group, count) in counts)
            {
                groups[JsonNamingPolicy.CamelCase.ConvertName(group.ToString())] = count;
            }

            var document = new JsonObject
            {
                ["preset"] = preset.Name,
                ["clip"] = preset.Clip.Name,
                ["trainable"] = trainable,
                ["total"] = total,
                ["trainablePercent"] = Math.Round(100.0 * trainable / total, 2),
                ["groups"] = groups,
            };
            Console.WriteLine(document.ToJsonString(CliJson.Options));
            return 0;
        }

        Console.WriteLine($"preset {preset.Name} on {preset.Clip.Name}");
        foreach (var (group, count) in counts)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group,-14} {count,13:N0}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"trainable",-14} {trainable,13:N0} ({100.0 * trainable / total:F2} %)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-14} {total,13:N0}"));
        return 0;
    }
}
