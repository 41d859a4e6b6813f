namespace GigaEvo.Core.Configuration;

/// <summary>
/// The typed, resolved configuration of one run (composed from presets and key=value overrides).
/// YAML keys are the snake_case forms of these names (e.g. <c>max_generations</c>, <c>problem.dir</c>).
/// </summary>
public sealed record EvolutionSettings
{
    public ProblemSettings Problem { get; init; } = new();
    /// <summary>Name of the preset this run was composed from.</summary>
    public string Experiment { get; init; } = "base";
    public int Seed { get; init; } = 42;
    public int MaxGenerations { get; init; } = 20;
    /// <summary>Children created per island per generation.</summary>
    public int ProgramsPerGeneration { get; init; } = 8;
    /// <summary>Programs evaluated at once (across programs).</summary>
    public int MaxParallelPrograms { get; init; } = 4;
    /// <summary>Stages of one program that may run at once (inside a program).</summary>
    public int MaxParallelStages { get; init; } = 2;
    public PipelineSettings Pipeline { get; init; } = new();
    public IReadOnlyList<IslandSettings> Islands { get; init; } = [new()];
    public MigrationSettings Migration { get; init; } = new();
    public MutationSettings Mutation { get; init; } = new();
    public LlmSettings Llm { get; init; } = new();
    public RedisSettings Redis { get; init; } = new();
    public OutputSettings Output { get; init; } = new();
}

public sealed record ProblemSettings
{
    /// <summary>A folder name under <c>problems/</c>.</summary>
    public string? Name { get; init; }
    /// <summary>An explicit problem directory; wins over <see cref="Name"/>.</summary>
    public string? Dir { get; init; }
}

public sealed record PipelineSettings
{
    public double RunTimeoutSeconds { get; init; } = 60;
    public double ValidateTimeoutSeconds { get; init; } = 60;
    public double AnalyzeTimeoutSeconds { get; init; } = 20;
    public bool Cache { get; init; } = true;
    /// <summary>Top-level imports the safety check refuses (e.g. <c>ctypes</c>); empty by default: the sandbox contains.</summary>
    public IReadOnlyList<string> ForbiddenImports { get; init; } = [];
}

public sealed record IslandSettings
{
    public string Name { get; init; } = "fitness";
    /// <summary>Behaviour axes; the primary metric is called <c>fitness</c> here whatever its real name.</summary>
    public IReadOnlyList<AxisSettings> Axes { get; init; } = [new() { Metric = "fitness", Bins = 10 }, new() { Metric = "is_valid", Bins = 2 }];
    /// <summary><c>fitness_proportional</c>, <c>tournament</c> or <c>uniform</c>.</summary>
    public string Selection { get; init; } = "tournament";
    public int TournamentSize { get; init; } = 3;
    /// <summary>Largest number of elites kept (0 = no cap beyond the grid).</summary>
    public int MaxSize { get; init; }
}

public sealed record AxisSettings
{
    /// <summary><c>fitness</c> (the primary metric), <c>is_valid</c>, <c>complexity</c>, or any declared metric.</summary>
    public string Metric { get; init; } = "fitness";
    public int Bins { get; init; } = 10;
    /// <summary>Overrides the metric's declared bounds for binning.</summary>
    public double? Min { get; init; }
    public double? Max { get; init; }
}

public sealed record MigrationSettings
{
    /// <summary>Migrate every K generations (0 = never).</summary>
    public int Interval { get; init; } = 5;
    /// <summary>Top M programs sent from each island to every other island.</summary>
    public int Count { get; init; } = 2;
}

public sealed record MutationSettings
{
    /// <summary><c>auto</c> (LLM when a base URL is configured, else local), <c>local</c> or <c>llm</c>.</summary>
    public string Operator { get; init; } = "auto";
    /// <summary>Share of LLM mutations asked as SEARCH/REPLACE diffs (the rest are full rewrites).</summary>
    public double DiffRatio { get; init; } = 0.6;
    public int MaxRetries { get; init; } = 2;
    /// <summary>Local operator: how many numeric literals one mutation perturbs at most.</summary>
    public int LiteralsPerMutation { get; init; } = 3;
    /// <summary>Local operator: relative step size (log-normal sigma) of a perturbation.</summary>
    public double Sigma { get; init; } = 0.3;
    /// <summary>Run the optional LLM insights stage after evaluation.</summary>
    public bool Insights { get; init; }
    /// <summary>LLM agent: other elites of the island shown next to the parent, for inspiration (the local operator ignores them).</summary>
    public int Inspirations { get; init; }
}

public sealed record LlmSettings
{
    public string? BaseUrl { get; init; }
    /// <summary>Never written to disk; resolved configuration files show it redacted.</summary>
    public string? ApiKey { get; init; }
    /// <summary>Environment variable read for the key when <see cref="ApiKey"/> is not set.</summary>
    public string? ApiKeyEnv { get; init; } = "GIGAEVO_LLM_API_KEY";
    public double Temperature { get; init; } = 0.7;
    public int MaxTokens { get; init; } = 4096;
    public double TimeoutSeconds { get; init; } = 120;
    public IReadOnlyList<ModelSettings> Models { get; init; } = [new()];
    /// <summary><c>weighted</c> or <c>bandit</c>.</summary>
    public string Router { get; init; } = "weighted";
    public long? TokenBudget { get; init; }
    public double? CostBudget { get; init; }
    /// <summary>LLM requests in flight at once (mutations and insights together).</summary>
    public int MaxParallel { get; init; } = 4;
    /// <summary>Retries of one request after a 429, a 5xx or a timeout (exponential backoff with jitter).</summary>
    public int RequestRetries { get; init; } = 3;
    /// <summary>First backoff delay; doubles on each retry (a Retry-After header wins).</summary>
    public double RetryDelaySeconds { get; init; } = 2;
    /// <summary>Prompt size the agent trims to (estimated at 4 characters per token), dropping the oldest context first.</summary>
    public int PromptTokenBudget { get; init; } = 12000;
    /// <summary>Model that writes insights (null = the first of <see cref="Models"/>).</summary>
    public string? InsightsModel { get; init; }
}

/// <summary>One model. Unset fields take the <c>llm.*</c> value of the same name.</summary>
public sealed record ModelSettings
{
    public string Name { get; init; } = "gpt-4o-mini";
    public double Weight { get; init; } = 1.0;
    public double InputPricePerMillion { get; init; }
    public double OutputPricePerMillion { get; init; }
    public string? BaseUrl { get; init; }
    /// <summary>Never written to disk, like <see cref="LlmSettings.ApiKey"/>.</summary>
    public string? ApiKey { get; init; }
    public string? ApiKeyEnv { get; init; }
    public double? Temperature { get; init; }
    public int? MaxTokens { get; init; }
    public double? TimeoutSeconds { get; init; }
}

/// <summary>Recorded for compatibility with the Python GigaEvo's <c>redis.db=N</c>; used by the Redis adapter.</summary>
public sealed record RedisSettings
{
    public int Db { get; init; }
}

public sealed record OutputSettings
{
    /// <summary>Root of <c>YYYY-MM-DD/HH-MM-SS/</c> run folders, relative to the current directory.</summary>
    public string Root { get; init; } = "outputs";
    /// <summary>Reuse this exact run folder (resume after a crash) instead of a new timestamped one.</summary>
    public string? RunDir { get; init; }
}
