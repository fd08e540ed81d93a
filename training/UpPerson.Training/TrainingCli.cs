namespace UpPerson.Training;

/// <summary>Entry point of the <c>upperson-train</c> command line.</summary>
public static class TrainingCli
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("upperson-train: commands are not wired yet.");
        return Task.FromResult(2);
    }
}
