using GigaEvo.Core.Experiments;
using Microsoft.EntityFrameworkCore;

namespace GigaEvo.Core.Runners;

/// <summary>The runner instances in the database: registration, heartbeats, status changes.</summary>
public sealed class RunnerRegistry(IDbContextFactory<PlatformDbContext> dbFactory, INotifier<RunnersChanged> notifier, TimeProvider time)
{
    public async Task RegisterAsync(RunnerIdentity identity, string endpoint, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await db.Runners.FirstOrDefaultAsync(r => r.Id == identity.Id, ct);
        if (instance is null)
        {
            instance = new RunnerInstance { Id = identity.Id, Name = identity.Name, Endpoint = endpoint };
            db.Runners.Add(instance);
        }
        instance.Name = identity.Name;
        instance.Endpoint = endpoint;
        instance.Status = RunnerStatus.Active;
        instance.StartedAt = now;
        instance.LastHeartbeat = now;
        instance.TotalWorkers = identity.Workers;
        instance.BusyWorkers = 0;
        instance.CurrentExperimentId = null;
        instance.HealthMessage = "registered";
        db.Audit(now, "runner.register", identity.Id, endpoint);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new RunnersChanged(now));
    }

    public async Task HeartbeatAsync(string id, IReadOnlyCollection<string> running, CancellationToken ct = default)
    {
        await UpdateAsync(id, r =>
        {
            r.LastHeartbeat = time.GetUtcNow();
            r.BusyWorkers = running.Count;
            r.CurrentExperimentId = running.Order(StringComparer.Ordinal).FirstOrDefault();
        }, ct);
    }

    public Task SetStatusAsync(string id, RunnerStatus status, string? message, CancellationToken ct = default) =>
        UpdateAsync(id, r =>
        {
            r.Status = status;
            r.HealthMessage = message;
        }, ct);

    public async Task UpdateAsync(string id, Action<RunnerInstance> update, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instance = await db.Runners.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("runner instance", id);
        update(instance);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new RunnersChanged(time.GetUtcNow()));
    }

    public async Task<IReadOnlyList<RunnerInstance>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Runners.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
    }

    public async Task<RunnerInstance> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Runners.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("runner instance", id);
    }

    public async Task AuditAsync(string action, string id, string? detail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(time.GetUtcNow(), action, id, detail);
        await db.SaveChangesAsync(ct);
    }
}
