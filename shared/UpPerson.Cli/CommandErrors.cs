using System.Text.Json;
using UpPerson.Contracts;

namespace UpPerson.Cli;

/// <summary>
/// Turns expected failures into one readable line on stderr and a non-zero exit code, so scripts
/// can tell bad input (exit 1) from success (0). A bug still surfaces with its stack trace.
/// </summary>
public static class CommandErrors
{
    public const int Success = 0;

    /// <summary>Bad input or an environment problem the message explains.</summary>
    public const int Failure = 1;

    /// <summary>The work was done only in part (for example a truncated video); the message reports how far it got.</summary>
    public const int Partial = 3;

    /// <summary>Stopped by Ctrl+C; what was finished before is kept.</summary>
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled.");
            return Cancelled;
        }
        catch (Exception exception) when (IsUserFacing(exception))
        {
            Console.Error.WriteLine($"error: {MessageOf(exception)}");
            return Failure;
        }
    }

    public static Task<int> RunAsync(Func<int> action) => RunAsync(() => Task.FromResult(action()));

    // ArgumentException appends " (Parameter 'name')", which names a C# parameter, not an option.
    private static string MessageOf(Exception exception) =>
        exception is ArgumentException { ParamName: { } name }
            ? exception.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
            : exception.Message;

    private static bool IsUserFacing(Exception exception) => exception is
        ArgumentException or
        InvalidDataException or
        IOException or
        UnauthorizedAccessException or
        JsonException or
        NotSupportedException or
        InvalidOperationException or
        FormatException or
        InvalidInputException;
}
