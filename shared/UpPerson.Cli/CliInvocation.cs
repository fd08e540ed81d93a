using System.CommandLine;

namespace UpPerson.Cli;

/// <summary>Runs a command line so that Ctrl+C and SIGTERM cancel the command instead of killing the process.</summary>
public static class CliInvocation
{
    /// <summary>
    /// Time a cancelled command gets to stop (finish the batch in flight, close stores) before the
    /// process is ended anyway. Ingest drains for up to 30 seconds.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    public static Task<int> RunAsync(RootCommand root, string[] args)
    {
        // OpenCV's FFmpeg backend logs a warning line before every failed open; the commands report
        // the failure themselves. An explicit OPENCV_LOG_LEVEL from the operator wins.
        if (Environment.GetEnvironmentVariable("OPENCV_LOG_LEVEL") is null)
        {
            Environment.SetEnvironmentVariable("OPENCV_LOG_LEVEL", "ERROR");
        }

        // System.CommandLine 2.0.0 only turns a termination signal into cancellation when a timeout is set.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = ShutdownTimeout };
        return root.Parse(args).InvokeAsync(configuration);
    }
}
