using System.CommandLine;
using UpPerson.Cli;
using UpPerson.Training.Commands;

namespace UpPerson.Training;

/// <summary>Entry point of the <c>upperson-train</c> command line.</summary>
public static class TrainingCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("UP-Person training tools: describe, export and train the PETL model.")
        {
            DescribeCommand.Create(),
            ExportCommand.Create(),
            ImportClipCommand.Create(),
            TrainCommand.Create(),
            EvalCommand.Create(),
            SynthCommand.Create(),
        };

        return CliInvocation.RunAsync(root, args);
    }
}
