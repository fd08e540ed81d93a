namespace UpPerson.Standalone;

/// <summary>Entry point of the <c>upperson</c> command line.</summary>
public static class StandaloneCli
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("upperson: commands are not wired yet.");
        return Task.FromResult(2);
    }
}
