namespace GigaEvo.Web.Cli;

/// <summary>Headless verbs of the one binary: <c>evolve</c>, <c>bench</c>. Anything else starts the web host.</summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["evolve", "bench"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args) => args[0] switch
    {
        _ => Task.FromResult(2),
    };
}
