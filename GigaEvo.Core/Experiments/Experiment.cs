namespace GigaEvo.Core.Experiments;

/// <summary>One experiment as stored: what to evolve, how, where it runs, and its latest numbers.</summary>
public sealed class Experiment
{
    /// <summary><c>EXP-YYYYMMDD-NNNN</c> (see <see cref="ExperimentIds"/>).</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary><c>classification</c>, <c>regression</c>, <c>clustering</c> or <c>custom</c>.</summary>
    public required string TaskType { get; set; }
    public string? DatasetId { get; set; }
    /// <summary>The template it was made from, if any.</summary>
    public string? Template { get; set; }
    /// <summary>Artifact key of the experiment's own copy of its problem directory.</summary>
    public required string ProblemKey { get; set; }
    public string? TargetColumn { get; set; }
    /// <summary>The primary metric (the problem's; for ML tasks, the one chosen).</summary>
    public required string Metric { get; set; }
    public bool HigherIsBetter { get; set; } = true;
    public int Generations { get; set; }
    /// <summary><see cref="Models.LocalOperator"/> or a configured LLM model name.</summary>
    public required string Model { get; set; }
    public required string Preset { get; set; }
    /// <summary>Configuration overrides (<c>key=value</c>): islands, parallelism, seed and any advanced ones.</summary>
    public List<string> Overrides { get; set; } = [];
    /// <summary>Optimistic concurrency: two writers cannot both move the experiment from the same status.</summary>
    public ExperimentStatus Status { get; set; }
    public string? ErrorReason { get; set; }
    /// <summary>1 for the first run; each restart makes a new run folder.</summary>
    public int RunNumber { get; set; }
    /// <summary>Artifact key of the current run folder (config, store, outputs), set when first queued.</summary>
    public string? RunKey { get; set; }
    public string? JobId { get; set; }
    public string? RunnerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public ExperimentSummary Summary { get; set; } = new();
    public List<StatusChange> History { get; set; } = [];
}

/// <summary>The latest numbers of the current run, updated after every generation.</summary>
public sealed class ExperimentSummary
{
    public double? BestMetric { get; set; }
    public int? BestGeneration { get; set; }
    public string? BestProgramId { get; set; }
    public int GenerationsDone { get; set; }
    public int ProgramsTotal { get; set; }
    public int ProgramsValid { get; set; }
    public int ProgramsInvalid { get; set; }
    /// <summary>LLM tokens (prompt and completion) so far; 0 with the local operator.</summary>
    public long Tokens { get; set; }
    /// <summary>LLM cost so far, from the configured prices per million tokens.</summary>
    public double Cost { get; set; }
    public double? HoldoutMetric { get; set; }
}

/// <summary>One row of an experiment's history: every transition with its time.</summary>
public sealed class StatusChange
{
    public long Id { get; set; }
    public required string ExperimentId { get; set; }
    public ExperimentStatus? From { get; set; }
    public ExperimentStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>What was done on the platform, by whom (the API or the UI), for the audit trail.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A named counter (the daily experiment number), so ids are never reused after a delete.</summary>
public sealed class Sequence
{
    public required string Name { get; set; }
    public int Value { get; set; }
}
