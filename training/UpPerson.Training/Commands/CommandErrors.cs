using System.Text.Json;

namespace UpPerson.Training.Commands;

/// <summary>Turns expected failures into one readable line on stderr and a non-zero exit code.</summary>
internal static class CommandErrors
{
    public const int Failure = 1;

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception exception) when (IsUserFacing(exception))
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return Failure;
        }
    }

    public static Task<int> RunAsync(Func<int> action) => RunAsync(() => Task.FromResult(action()));

    private static bool IsUserFacing(Exception exception) => exception is
        ArgumentException or
        InvalidDataException or
        IOException or
        UnauthorizedAccessException or
        JsonException or
        NotSupportedException or
        InvalidOperationException;
}
