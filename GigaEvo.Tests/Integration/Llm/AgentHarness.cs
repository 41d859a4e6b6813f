using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation;
using GigaEvo.Core.Mutation.Llm;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using GigaEvo.Tests.Unit.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>The LLM agent as a run builds it (real OpenAI SDK client), pointed at a fake server, and a tiny problem.</summary>
internal static class AgentHarness
{
    public const string ParentCode = """
        "Return a number close to pi."

        # EVOLVE-BLOCK-START
        X = 1.0


        def compute():
            return X
        # EVOLVE-BLOCK-END


        def entrypoint():
            return compute()

        """;

    public static ProblemDefinition Problem(string? directory = null) => new()
    {
        Name = "near_pi",
        Directory = directory ?? Path.GetTempPath(),
        TaskDescription = "Return a number as close to pi as possible.",
        Metrics =
        [
            new MetricSpec { Name = "fitness", Description = "1 / (1 + (x - pi)^2)", IsPrimary = true, LowerBound = 0, UpperBound = 1, SentinelValue = -1, Unit = "score", SignificantChange = 0.0001, Decimals = 6 },
            new MetricSpec { Name = "is_valid", Description = "1 if the output is a finite number", LowerBound = 0, UpperBound = 1, SentinelValue = 0, Decimals = 0 },
            new MetricSpec { Name = "abs_error", Description = "|x - pi|", HigherIsBetter = false, LowerBound = 0, UpperBound = 1000, SentinelValue = 1001, Decimals = 6 },
        ],
        ValidatorPath = "validate.py",
        InitialPrograms = [],
    };

    /// <summary>Settings with the fake's URL, fast retries and the given overrides.</summary>
    public static EvolutionSettings Settings(FakeLlmServer server, params string[] overrides) =>
        PresetFolders.Compose([$"llm.base_url={server.BaseUrl}", "llm.retry_delay_seconds=0.01", "llm.timeout_seconds=10", .. overrides]).Settings;

    public static LlmAgent Agent(EvolutionSettings settings, ProblemDefinition? problem = null, Func<string, string?>? environment = null) =>
        (LlmAgent)MutationOperators.Create(settings, problem ?? Problem(), NullLogger.Instance, environment ?? (_ => null));

    public static EvolvedProgram Program(string code = ParentCode, double fitness = 0.17901, int generation = 0, string kind = "initial",
        Guid? parent = null, string? model = null, string? note = null) => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        State = ProgramState.Evolving,
        Metrics = new Dictionary<string, double> { ["fitness"] = fitness, ["is_valid"] = 1, ["abs_error"] = Math.Round(Math.Sqrt(1 / fitness - 1), 6) },
        Lineage = new Lineage { Generation = generation, MutationKind = kind, Parents = parent is { } p ? [p] : [], Model = model, Note = note ?? (kind == "initial" ? "constant" : null) },
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public static MutationRequest Request(EvolutionSettings settings, int seed = 1, IReadOnlyDictionary<Guid, EvolvedProgram>? programs = null, params EvolvedProgram[] parents) =>
        new(Problem(), parents.Length > 0 ? parents : [Program()], settings.Mutation, new Random(seed), programs);

    public static string Diff(string search, string replace, string summary = "move X towards pi") =>
        $"Summary: {summary}\n\n<<<<<<< SEARCH\n{search}\n=======\n{replace}\n>>>>>>> REPLACE\n";

    public static string Rewrite(string code, string summary = "rewrite") => $"Summary: {summary}\n\n```python\n{code}```\n";
}
