using GigaEvo.Core.Configuration;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using GigaEvo.Core.Python;

namespace GigaEvo.Core.Evolution;

/// <summary>The best program's metrics on the final hold-out (never seen during the search), or why there are none.</summary>
public sealed record HoldoutResult(IReadOnlyDictionary<string, double>? Metrics, string? Error);

/// <summary>
/// The overfitting guard: re-runs the same evaluation DAG for the best program with the hold-out context,
/// so the search metric and the hold-out metric are computed the same way on different rows.
/// </summary>
public static class HoldoutEvaluation
{
    public static async Task<HoldoutResult?> EvaluateAsync(ProblemDefinition problem, EvolvedProgram best, string runDirectory,
        IPythonRunner runner, PipelineSettings settings, TimeProvider time, CancellationToken ct)
    {
        var context = await RunContext.EnsureHoldoutAsync(problem, runDirectory, runner, ct);
        if (context is null)
        {
            return null;
        }
        var env = new EvaluationEnvironment(problem, Path.Combine(runDirectory, "workspaces", "_holdout"), context, settings, runner);
        var outcome = await new DagRunner(EvaluationPipeline.Build(env), cache: null, maxParallelStages: 2, time).RunAsync(best, null, ct);
        var metrics = (outcome.Values.GetValueOrDefault("finalize") as FinalMetrics)?.Values;
        return new HoldoutResult(metrics, EvaluationPipeline.FailureReason(outcome.Results));
    }
}
