using Microsoft.Extensions.Logging;

namespace UpPerson.Cli;

/// <summary>Console logging for the command lines: everything to stderr, so stdout stays parseable.</summary>
public static class CliLogging
{
    public static ILoggerFactory Create(bool verbose) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
    });
}
