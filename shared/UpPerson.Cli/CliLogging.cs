using Microsoft.Extensions.Logging;

namespace UpPerson.Cli;

/// <summary>Console logging for the command lines: everything to stderr, so stdout stays parseable.</summary>
public static class CliLogging
{
    /// <param name="verbose">Log lifecycle messages (Information) as well as warnings and errors.</param>
    /// <param name="singleLine">One line per message; off keeps the line breaks of tables in messages.</param>
    public static ILoggerFactory Create(bool verbose, bool singleLine = true) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = singleLine;
            options.TimestampFormat = "HH:mm:ss ";
        });
    });
}
