using System.Text.Json.Serialization;
using GigaEvo.Core.Mutation.Llm;

namespace GigaEvo.Core.Evolution;

public enum RunPhase
{
    /// <summary>The generation's programs are being created or evaluated.</summary>
    Evaluating,
    /// <summary>The generation is evaluated, archived and reported.</summary>
    Done,
}

/// <summary>Everything besides the programs that a run needs to resume: where it was, and the archive.</summary>
public sealed record RunState
{
    public int Generation { get; init; }
    public RunPhase Phase { get; init; }
    public Dictionary<string, Dictionary<string, Elite>> Islands { get; init; } = [];
    public List<GenerationReport> History { get; init; } = [];
    public int FailedMutations { get; init; }
    /// <summary>LLM tokens and cost so far (null without an LLM); a resumed run keeps counting from here.</summary>
    public LlmUsage? Llm { get; init; }
    /// <summary>Why the run ended before max_generations without being interrupted (an LLM budget was spent).</summary>
    public string? StopReason { get; init; }
}

/// <summary>One generation's progress line; <c>Tokens</c> and <c>Cost</c> are the run's LLM totals so far (null without an LLM).</summary>
public sealed record GenerationReport(
    int Generation,
    double? BestFitness,
    double? MeanFitness,
    int Valid,
    int Invalid,
    int ProgramsTotal,
    double ProgramsPerSecond,
    double Seconds,
    long? Tokens = null,
    double? Cost = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true,
    WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunState))]
public sealed partial class RunStateJson : JsonSerializerContext;
