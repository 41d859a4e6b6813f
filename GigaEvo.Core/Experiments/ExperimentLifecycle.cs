using GigaEvo.Core.Artifacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Experiments;

/// <summary>Start, stop, restart, delete and drop all: each a checked transition, recorded with its time.</summary>
public sealed class ExperimentLifecycle(
    IDbContextFactory<PlatformDbContext> dbFactory,
    ExperimentTransitions transitions,
    IRunQueue queue,
    IRunCancellation runs,
    IArtifactStore artifacts,
    IOptions<PlatformOptions> options,
    TimeProvider time,
    ILogger<ExperimentLifecycle> logger)
{
    /// <summary>Queues a run. A stopped or failed experiment resumes its current run folder; a new one gets run 1.</summary>
    public async Task<Experiment> StartAsync(string id, CancellationToken ct = default)
    {
        var current = await GetAsync(id, ct);
        if (current.Status == ExperimentStatus.Completed)
        {
            throw new ConflictException($"experiment {id} is COMPLETED; restart it to run again in a new run folder");
        }
        var experiment = await transitions.MoveAsync(id, ExperimentStatus.Queued, "start",
            current.RunKey is null ? "started" : "started again: resumes its run folder",
            e =>
            {
                if (e.RunKey is null)
                {
                    e.RunNumber = 1;
                    e.RunKey = ArtifactKeys.Run(e.Id, 1);
                }
            }, ct);
        return await EnqueueAsync(experiment, "start", ct);
    }

    /// <summary>A new run folder from generation 0, the summary numbers reset.</summary>
    public async Task<Experiment> RestartAsync(string id, CancellationToken ct = default)
    {
        var experiment = await transitions.MoveAsync(id, ExperimentStatus.Queued, "restart", "restarted in a new run folder", e =>
        {
            e.RunNumber++;
            e.RunKey = ArtifactKeys.Run(e.Id, e.RunNumber);
            e.Summary = new ExperimentSummary();
            e.StartedAt = null;
        }, ct);
        return await EnqueueAsync(experiment, "restart", ct);
    }

    /// <summary>
    /// A queued experiment is cancelled at once. A running one is signalled: its Python processes are killed,
    /// its state saved, and it turns CANCELLED within seconds (the returned experiment may still say RUNNING).
    /// </summary>
    public async Task<Experiment> StopAsync(string id, CancellationToken ct = default)
    {
        var experiment = await GetAsync(id, ct);
        if (experiment.Status == ExperimentStatus.Running && runs.RequestStop(id, StopKind.User))
        {
            await AuditAsync("experiment.stop", id, "stop signalled to the running job", ct);
            return experiment;
        }
        if (experiment.Status == ExperimentStatus.Queued && experiment.JobId is { } job)
        {
            queue.Remove(job);
        }
        // Queued, or marked running by a runner that no longer runs it: nothing to wait for.
        var reason = experiment.Status == ExperimentStatus.Running ? "stopped (no runner was running it)" : "stopped before it started";
        return await transitions.MoveAsync(id, ExperimentStatus.Cancelled, "stop", reason, ct: ct);
    }

    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        await StopIfActiveAsync(await GetAsync(id, ct), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.StatusChanges.Where(s => s.ExperimentId == id).ExecuteDeleteAsync(ct);
        await db.Experiments.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
        db.Audit(time.GetUtcNow(), "experiment.delete", id);
        await db.SaveChangesAsync(ct);
        await artifacts.DeleteAsync(ArtifactKeys.Experiment(id), ct);
        logger.LogInformation("Deleted experiment {Id}", id);
    }

    /// <summary>Stops and deletes every experiment; returns how many were deleted.</summary>
    public async Task<int> DropAllAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = await db.Experiments.Select(e => e.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                await DeleteAsync(id, ct);
            }
            db.Audit(time.GetUtcNow(), "experiment.drop_all", "*", $"{ids.Count} experiments");
            await db.SaveChangesAsync(ct);
            return ids.Count;
        }
    }

    private async Task StopIfActiveAsync(Experiment experiment, CancellationToken ct)
    {
        // The job may move the experiment (QUEUED → RUNNING) while we stop it; re-read and stop again.
        for (var attempt = 1; ; attempt++)
        {
            if (!experiment.Status.IsActive())
            {
                return;
            }
            try
            {
                await StopAsync(experiment.Id, ct);
                break;
            }
            catch (PlatformException e) when (e is ConflictException or InvalidTransitionException && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, ct);
                experiment = await GetAsync(experiment.Id, ct);
            }
        }
        var timeout = TimeSpan.FromSeconds(options.Value.StopTimeoutSeconds);
        if (!await runs.WaitForEndAsync(experiment.Id, timeout))
        {
            throw new ConflictException($"experiment {experiment.Id} did not stop within {timeout.TotalSeconds:F0} s (Platform:StopTimeoutSeconds); try again");
        }
    }

    private async Task<Experiment> EnqueueAsync(Experiment experiment, string action, CancellationToken ct)
    {
        var job = queue.Enqueue(experiment.Id);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Experiments.Where(e => e.Id == experiment.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.JobId, job), ct);
        db.Audit(time.GetUtcNow(), "experiment." + action, experiment.Id, $"job {job}, run {experiment.RunNumber}");
        await db.SaveChangesAsync(ct);
        experiment.JobId = job;
        return experiment;
    }

    private async Task AuditAsync(string action, string subject, string detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(time.GetUtcNow(), action, subject, detail);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Experiment> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("experiment", id);
    }
}
