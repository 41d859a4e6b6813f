using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// At start-up: experiments the previous process left QUEUED or RUNNING (a crash, a kill, a restart) are
/// queued again and resume from their run folder; programs finished before the crash are not evaluated again.
/// </summary>
public sealed class ExperimentRecovery(
    IDbContextFactory<PlatformDbContext> dbFactory,
    ExperimentTransitions transitions,
    IRunQueue queue,
    ILogger<ExperimentRecovery> logger)
{
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stranded = await db.Experiments.AsNoTracking()
            .Where(e => e.Status == ExperimentStatus.Running || e.Status == ExperimentStatus.Queued)
            .OrderBy(e => e.CreatedAt).Select(e => new { e.Id, e.Status }).ToListAsync(ct);
        var recovered = new List<string>();
        foreach (var e in stranded)
        {
            if (e.Status == ExperimentStatus.Running
                && await transitions.TryMoveAsync(e.Id, ExperimentStatus.Running, ExperimentStatus.Queued,
                    "the host stopped mid-run; resumes from its run folder", ct: ct) is null)
            {
                continue;
            }
            var job = queue.Enqueue(e.Id);
            await db.Experiments.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.JobId, job), ct);
            recovered.Add(e.Id);
            logger.LogInformation("Experiment {Id} was {Status} when the host stopped: queued again as job {Job}", e.Id, e.Status.ToKey(), job);
        }
        return recovered;
    }
}
