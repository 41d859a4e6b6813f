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
    INotifier<ExperimentEvent> notifier,
    IOptions<PlatformOptions> options,
    TimeProvider time,
    ILogger<ExperimentLifecycle> logger)
{
    private const int DeleteAttempts = 5;

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

    /// <summary>
    /// Stops it and waits for the run to end, deletes its files, then its rows (and tells watchers). When
    /// its files cannot all be deleted it stays, with a <see cref="ConflictException"/> to try again.
    /// </summary>
    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        await StopIfActiveAsync(await GetAsync(id, ct), ct);
        await DeleteFilesAsync(id, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.StatusChanges.Where(s => s.ExperimentId == id).ExecuteDeleteAsync(ct);
        await db.Experiments.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
        db.Audit(time.GetUtcNow(), "experiment.delete", id);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new ExperimentDeleted(id, time.GetUtcNow()));
        logger.LogInformation("Deleted experiment {Id}", id);
    }

    /// <summary>
    /// Stops and deletes every experiment; returns how many were deleted. One that cannot be deleted is
    /// left whole and the others still go; then a <see cref="ConflictException"/> names the ones left.
    /// </summary>
    public async Task<int> DropAllAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Experiments.Select(e => e.Id).ToListAsync(ct);
        var left = new List<string>();
        foreach (var id in ids)
        {
            try
            {
                await DeleteAsync(id, ct);
            }
            catch (ConflictException e)
            {
                logger.LogWarning("Drop all: experiment {Id} was not deleted: {Reason}", id, e.Message);
                left.Add(id);
            }
        }
        var deleted = ids.Count - left.Count;
        db.Audit(time.GetUtcNow(), "experiment.drop_all", "*", $"{deleted} of {ids.Count} experiments deleted");
        await db.SaveChangesAsync(ct);
        if (left.Count > 0)
        {
            throw new ConflictException($"{deleted} of {ids.Count} experiments deleted; {string.Join(", ", left)} could not be stopped or "
                + "their files not deleted (still in use); they are kept: try again in a few seconds");
        }
        return ids.Count;
    }

    /// <summary>Files still being written (the workspaces of Python processes being killed) get a few more tries.</summary>
    private async Task DeleteFilesAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await artifacts.DeleteAsync(ArtifactKeys.Experiment(id), ct);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == DeleteAttempts)
                {
                    logger.LogWarning(e, "The files of experiment {Id} could not be deleted after {Attempts} attempts", id, attempt);
                    throw new ConflictException($"experiment {id} was not deleted: its files could not be deleted ({e.Message}); "
                        + "the experiment is kept: try again in a few seconds");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, ct);
            }
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
