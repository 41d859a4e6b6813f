namespace GigaEvo.Web.Cli;

/// <summary>Headless verbs of the one binary. Anything else starts the web host.</summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["evolve", "bench", "presets"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args) => args[0] switch
    {
        "evolve" => EvolveCommand.RunAsync(args[1..]),
        "bench" => BenchCommand.RunAsync(args[1..]),
        _ => PresetsCommand.RunAsync(),
    };
}
