using System.CommandLine;

namespace UpPerson.Training.Commands;

/// <summary><c>export</c>: writes a model bundle (ONNX encoders, tokenizer, manifest).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Write a model bundle for the services.");
        command.SetAction(_ => CommandErrors.RunAsync(Fail));
        return command;
    }

    private static int Fail() => throw new NotSupportedException("export is not available yet.");
}
