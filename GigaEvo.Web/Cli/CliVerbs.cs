namespace GigaEvo.Web.Cli;

/// <summary>Headless verbs of the one binary. Anything else starts the web host.</summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["evolve", "bench", "presets", "ml-problem", "ml-templates", "ml-report"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args) => args[0] switch
    {
        "evolve" => EvolveCommand.RunAsync(args[1..]),
        "bench" => BenchCommand.RunAsync(args[1..]),
        "ml-problem" => MlProblemCommand.RunAsync(args[1..]),
        "ml-templates" => MlTemplatesCommand.RunAsync(args[1..]),
        "ml-report" => MlReportCommand.RunAsync(args[1..]),
        _ => PresetsCommand.RunAsync(),
    };
}
