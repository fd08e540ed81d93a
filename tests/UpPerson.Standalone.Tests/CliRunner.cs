using System.Diagnostics;
using System.Text;

namespace UpPerson.Standalone.Tests;

/// <summary>Output of one command-line run.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs <c>upperson</c> and <c>upperson-train</c> as child processes from the test output folder,
/// as a user would, so exit codes and the two output streams are what the tests see.
/// </summary>
public static class CliRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static Task<CliResult> UpPersonAsync(params string[] arguments) => RunAsync("upperson", arguments);

    public static Task<CliResult> TrainAsync(params string[] arguments) => RunAsync("upperson-train", arguments);

    public static async Task<CliResult> RunAsync(string tool, IReadOnlyList<string> arguments, Action<string>? onStderrLine = null)
    {
        using var process = Start(tool, arguments);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(line.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line.Data);
                }

                onStderrLine?.Invoke(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {DefaultTimeout}.");
        }

        // The parameterless wait also drains the redirected streams.
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static Process Start(string tool, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"{tool}.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
    }
}
