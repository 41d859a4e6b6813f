using GigaEvo.Core.Experiments;
using GigaEvo.Core.Runners;
using GigaEvo.Web.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GigaEvo.Web.Health;

public sealed record SystemStatus(
    string Status,
    DateTimeOffset At,
    IReadOnlyList<ComponentHealth> Components,
    QueueDepths Queues,
    IReadOnlyDictionary<string, int> Experiments,
    RunnersHealthDto Runners);

/// <summary>Everything the monitoring page and <c>GET /api/v1/status</c> show, gathered once.</summary>
public sealed class SystemStatusService(
    HealthCheckService health,
    IRunQueue queue,
    IDbContextFactory<PlatformDbContext> dbFactory,
    RunnerRegistry runners,
    RunnerIdentity local,
    TimeProvider time)
{
    public async Task<SystemStatus> GetAsync(CancellationToken ct = default)
    {
        var report = HealthReportJson.Summarize(await health.CheckHealthAsync(ct));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.Experiments.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var experiments = ExperimentStatuses.All.ToDictionary(s => s.ToKey(), s => byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0);
        var instances = await runners.ListAsync(ct);
        return new SystemStatus(report.Status, time.GetUtcNow(), report.Components, queue.Depths(), experiments,
            RunnersHealthDto.From(instances.Select(i => RunnerDto.From(i, local.Id)).ToList()));
    }
}
