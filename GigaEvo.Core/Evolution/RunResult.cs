using GigaEvo.Core.Mutation.Llm;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Evolution;

/// <summary>How a run ended.</summary>
public sealed record RunResult
{
    public EvolvedProgram? Best { get; init; }
    public double? BestInitialFitness { get; init; }
    public int Generations { get; init; }
    public int ProgramsTotal { get; init; }
    public int ProgramsValid { get; init; }
    public int FailedMutations { get; init; }
    /// <summary>Programs not evaluated because their code equalled an earlier one's (they carry its results).</summary>
    public int DuplicatePrograms { get; init; }
    /// <summary>LLM usage per model (null when the local operator ran).</summary>
    public LlmUsage? Llm { get; init; }
    /// <summary>Why the run ended early without being interrupted (an LLM budget), or null.</summary>
    public string? StopReason { get; init; }
    public int Recovered { get; init; }
    /// <summary>Stopped before max_generations (cancellation); the state is saved and the run can resume.</summary>
    public bool Stopped { get; init; }
    public IReadOnlyList<GenerationReport> History { get; init; } = [];
    /// <summary>The best program re-evaluated on the final hold-out, when the problem defines one.</summary>
    public HoldoutResult? Holdout { get; init; }
    public IReadOnlyList<EvolvedProgram> Programs { get; init; } = [];
}
