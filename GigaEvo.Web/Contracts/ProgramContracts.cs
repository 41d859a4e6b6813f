using GigaEvo.Core.Experiments;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Programs;

namespace GigaEvo.Web.Contracts;

/// <summary>One program of a run, without its code (see the best program for code).</summary>
public sealed record ProgramDto(
    Guid Id,
    int Generation,
    string State,
    string? Island,
    string MutationKind,
    IReadOnlyList<Guid> Parents,
    IReadOnlyDictionary<string, double> Metrics,
    bool IsValid,
    string? Error,
    DateTimeOffset CreatedAt)
{
    public static ProgramDto From(EvolvedProgram p) => new(p.Id, p.Lineage.Generation, p.State.ToKey(), p.Lineage.Island, p.Lineage.MutationKind,
        p.Lineage.Parents, p.Metrics, p.IsValid, EvaluationPipeline.FailureReason(p.Stages), p.CreatedAt);
}

public sealed record LineageStepDto(Guid Id, int Generation, string MutationKind, string? Note, double? Fitness);

/// <summary>The best program: code, fitness, every metric, hold-out metrics (ML), and its lineage back to an initial program.</summary>
public sealed record BestProgramDto(
    Guid ProgramId,
    string Code,
    string Metric,
    bool HigherIsBetter,
    double Fitness,
    IReadOnlyDictionary<string, double> Metrics,
    int Generation,
    string MutationKind,
    string? Model,
    string? Island,
    DateTimeOffset CreatedAt,
    IReadOnlyList<LineageStepDto> Lineage,
    IReadOnlyDictionary<string, double>? HoldoutMetrics,
    string? HoldoutError)
{
    public static BestProgramDto From(BestProgram best)
    {
        var p = best.Program;
        return new BestProgramDto(p.Id, p.Code, best.Metric, best.HigherIsBetter, p.Metrics[best.Metric], p.Metrics, p.Lineage.Generation,
            p.Lineage.MutationKind, p.Lineage.Model, p.Lineage.Island, p.CreatedAt,
            [.. best.Lineage.Select(l => new LineageStepDto(l.Id, l.Lineage.Generation, l.Lineage.MutationKind, l.Lineage.Note,
                l.Metrics.TryGetValue(best.Metric, out var f) ? f : null))],
            best.Holdout?.Metrics, best.Holdout?.Error);
    }
}
