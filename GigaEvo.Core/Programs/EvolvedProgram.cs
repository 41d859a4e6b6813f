namespace GigaEvo.Core.Programs;

/// <summary>The unit of evolution: code plus everything learned about it.</summary>
public sealed record EvolvedProgram
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public ProgramState State { get; init; } = ProgramState.Fresh;
    public Dictionary<string, double> Metrics { get; init; } = [];
    public required Lineage Lineage { get; init; }
    public Dictionary<string, StageResult> Stages { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Number of times evaluation was started (more than one only after crash recovery).</summary>
    public int Attempts { get; init; }

    /// <summary>A model's short analysis of the program (the optional insights stage), fed to its children's prompts.</summary>
    public IReadOnlyList<ProgramInsight> Insights { get; init; } = [];

    /// <summary>
    /// Set when the code equals an earlier program's after normalising whitespace and comments: this one
    /// was not evaluated again and carries that program's results.
    /// </summary>
    public Guid? DuplicateOf { get; init; }

    public bool IsValid => Metrics.TryGetValue("is_valid", out var v) && v >= 0.5;
}

/// <summary>Where a program came from.</summary>
public sealed record Lineage
{
    public IReadOnlyList<Guid> Parents { get; init; } = [];
    public List<Guid> Children { get; init; } = [];
    public int Generation { get; init; }
    /// <summary>How it was made: <c>initial</c>, <c>local_numeric</c>, <c>llm_diff</c>, <c>llm_rewrite</c>, <c>migration</c>…</summary>
    public required string MutationKind { get; init; }
    public string? Model { get; init; }
    /// <summary>The island whose parents produced it (children are counted per island and generation).</summary>
    public string? Island { get; init; }
    public string? Note { get; init; }
}

/// <summary>One item of a program's insights: <c>kind</c> (e.g. bug, performance, idea), <c>severity</c> (low, medium, high), text.</summary>
public sealed record ProgramInsight(string Kind, string Severity, string Text);

public enum StageStatus
{
    Completed,
    Failed,
    Skipped,
    TimedOut,
    Cancelled,
}

/// <summary>The outcome of one DAG stage for one program.</summary>
public sealed record StageResult
{
    public required StageStatus Status { get; init; }
    public double DurationMs { get; init; }
    public string? Stdout { get; init; }
    public string? Stderr { get; init; }
    /// <summary>One-line reason (why it failed, timed out or was skipped).</summary>
    public string? Error { get; init; }
    public string? Traceback { get; init; }
    /// <summary>Short human summary of the output (e.g. the metrics), for logs and prompts.</summary>
    public string? Summary { get; init; }
    public bool FromCache { get; init; }
}
