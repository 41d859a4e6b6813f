using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Runners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// The body of a run job. Safe to run twice: a second run of an experiment already running in this process
/// returns at once, and a run of a RUNNING experiment (left so by a crash) resumes its run folder, where the
/// program store guarantees that no finished program is evaluated again. It never throws for a failed run:
/// the experiment ends FAILED with the reason.
/// </summary>
public sealed class ExperimentRunner(
    IDbContextFactory<PlatformDbContext> dbFactory,
    ExperimentTransitions transitions,
    IRunCancellation runs,
    IRunQueue queue,
    ExperimentRun run,
    RunnerIdentity runner,
    ILogger<ExperimentRunner> logger)
{
    public async Task RunAsync(string experimentId, CancellationToken jobToken)
    {
        using var lease = runs.TryBegin(experimentId, jobToken);
        if (lease is null)
        {
            logger.LogWarning("Experiment {Id} is already running in this process; this duplicate job ends", experimentId);
            return;
        }
        if (await ClaimAsync(experimentId) is not { } experiment)
        {
            return;
        }
        try
        {
            var result = await run.ExecuteAsync(experiment, lease.Token);
            await FinishAsync(experiment, result, lease);
        }
        catch (OperationCanceledException) when (lease.Token.IsCancellationRequested)
        {
            // Cancelled before the engine took over (while loading the problem or building the context).
            await FinishAsync(experiment, new RunResult { Stopped = true }, lease);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Experiment {Id} failed", experimentId);
            await transitions.TryMoveAsync(experimentId, ExperimentStatus.Running, ExperimentStatus.Failed, e.Message, ct: CancellationToken.None);
        }
    }

    /// <summary>QUEUED → RUNNING, or RUNNING already (a resumed run). Anything else: a stale job, which ends.</summary>
    private async Task<Experiment?> ClaimAsync(string id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var current = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        switch (current?.Status)
        {
            case ExperimentStatus.Queued:
                var moved = await transitions.TryMoveAsync(id, ExperimentStatus.Queued, ExperimentStatus.Running,
                    $"running on {runner.Name}", e => e.RunnerId = runner.Id);
                if (moved is null)
                {
                    logger.LogInformation("Experiment {Id} left QUEUED before its job started; the job ends", id);
                }
                return moved;
            case ExperimentStatus.Running:
                logger.LogInformation("Experiment {Id} was RUNNING when its job started: resuming its run folder", id);
                return current;
            default:
                logger.LogInformation("Experiment {Id} is {Status}; nothing to run", id, current?.Status.ToKey() ?? "gone");
                return null;
        }
    }

    private async Task FinishAsync(Experiment experiment, RunResult result, RunLease lease)
    {
        var id = experiment.Id;
        if (!result.Stopped)
        {
            await transitions.TryMoveAsync(id, ExperimentStatus.Running, ExperimentStatus.Completed,
                $"{result.Generations} generations, {result.ProgramsValid}/{result.ProgramsTotal} valid programs" + (result.StopReason is { } why ? $"; ended early: {why}" : ""),
                e =>
                {
                    e.Summary.HoldoutMetric = result.Holdout?.Metrics?.GetValueOrDefault(e.Metric);
                    e.Summary.Tokens = result.Llm?.TotalTokens ?? e.Summary.Tokens;
                    e.Summary.Cost = result.Llm?.Cost ?? e.Summary.Cost;
                });
            return;
        }
        if (lease.StopRequested == StopKind.User)
        {
            await transitions.TryMoveAsync(id, ExperimentStatus.Running, ExperimentStatus.Cancelled, "stopped by the user; state saved");
            return;
        }
        // The runner is stopping (or the host shutting down): back to the queue, to resume from the same folder.
        if (await transitions.TryMoveAsync(id, ExperimentStatus.Running, ExperimentStatus.Queued, "runner stopped; resumes from its run folder") is not null)
        {
            var job = queue.Enqueue(id);
            logger.LogInformation("Experiment {Id} re-queued as job {Job}", id, job);
        }
    }
}
