using System.CommandLine;
using UpPerson.Cli;
using UpPerson.Standalone.Commands;

namespace UpPerson.Standalone;

/// <summary>Entry point of the <c>upperson</c> command line.</summary>
public static class StandaloneCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand(
            "UpPerson standalone: index surveillance video and search it by a text description of a person. " +
            "Exit codes: 0 success, 1 error, 3 finished in part (truncated video), 130 cancelled.")
        {
            IndexCommand.Create(),
            SearchCommand.Create(),
            StatsCommand.Create(),
            BenchmarkCommand.Create(),
        };

        return CliInvocation.RunAsync(root, args);
    }
}
