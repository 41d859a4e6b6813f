using System.Text.Json.Serialization;

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
}

/// <summary>One generation's progress line.</summary>
public sealed record GenerationReport(
    int Generation,
    double? BestFitness,
    double? MeanFitness,
    int Valid,
    int Invalid,
    int ProgramsTotal,
    double ProgramsPerSecond,
    double Seconds);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true,
    WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunState))]
public sealed partial class RunStateJson : JsonSerializerContext;
