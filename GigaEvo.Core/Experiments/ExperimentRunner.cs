using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Programs;
using GigaEvo.Core.Runners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// The body of a run job. Safe to run twice: a second run of an experiment already running in this process
/// returns at once (see <see cref="BeginAsync"/>), and a run of a RUNNING experiment (left so by a crash) resumes its run folder, where the
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
    IOptions<PlatformOptions> options,
    ILogger<ExperimentRunner> logger)
{
    public async Task RunAsync(string experimentId, CancellationToken jobToken)
    {
        using var lease = await BeginAsync(experimentId, jobToken);
        if (lease is null)
        {
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

    /// <summary>
    /// The run's lease, or null for a duplicate job of a run that goes on here. A run that re-queues its
    /// experiment (the runner stopping) still holds its lease for a moment, so a job finding the experiment
    /// QUEUED waits for that run to end rather than leaving it QUEUED with no job.
    /// </summary>
    private async Task<RunLease?> BeginAsync(string id, CancellationToken jobToken)
    {
        if (runs.TryBegin(id, jobToken) is { } lease)
        {
            return lease;
        }
        if (await StatusAsync(id) == ExperimentStatus.Queued)
        {
            var timeout = TimeSpan.FromSeconds(options.Value.StopTimeoutSeconds);
            if (await runs.WaitForEndAsync(id, timeout) && runs.TryBegin(id, jobToken) is { } later)
            {
                return later;
            }
            // No job would be left for it: say so rather than leave it QUEUED.
            logger.LogError("Experiment {Id} is QUEUED but an earlier run here did not end within {Timeout}; this job ends", id, timeout);
            await transitions.TryMoveAsync(id, ExperimentStatus.Queued, ExperimentStatus.Failed,
                $"an earlier run of it on {runner.Name} did not end within {timeout.TotalSeconds:F0} s; start it again", ct: CancellationToken.None);
            return null;
        }
        logger.LogWarning("Experiment {Id} is already running in this process; this duplicate job ends", id);
        return null;
    }

    private async Task<ExperimentStatus?> StatusAsync(string id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Experiments.Where(e => e.Id == id).Select(e => (ExperimentStatus?)e.Status).FirstOrDefaultAsync();
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
        if (!result.Stopped && result.ProgramsValid == 0)
        {
            // Nothing to show, export or build on: a failure, whatever the number of generations done.
            await transitions.TryMoveAsync(id, ExperimentStatus.Running, ExperimentStatus.Failed, NoValidProgramReason(result), Record(result));
            return;
        }
        if (!result.Stopped)
        {
            await transitions.TryMoveAsync(id, ExperimentStatus.Running, ExperimentStatus.Completed,
                $"{result.Generations} generations, {result.ProgramsValid}/{result.ProgramsTotal} valid programs" + (result.StopReason is { } why ? $"; ended early: {why}" : ""),
                Record(result));
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

    private static Action<Experiment> Record(RunResult result) => e =>
    {
        e.Summary.HoldoutMetric = result.Holdout?.Metrics?.GetValueOrDefault(e.Metric);
        e.Summary.Tokens = result.Llm?.TotalTokens ?? e.Summary.Tokens;
        e.Summary.Cost = result.Llm?.Cost ?? e.Summary.Cost;
    };

    private static string NoValidProgramReason(RunResult result)
    {
        var judged = result.Programs.Where(RunFolder.IsJudged).OrderBy(p => p.CreatedAt).ToList();
        var firstError = judged.SelectMany(p => p.Stages.Values).FirstOrDefault(s => s.Status != StageStatus.Completed && s.Error is not null)?.Error;
        return $"no valid program: every one of {judged.Count} programs failed validation"
            + (firstError is null ? "" : $" (first error: {Shorten(firstError)})");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
