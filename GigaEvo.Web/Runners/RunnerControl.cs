using GigaEvo.Core.Experiments;
using GigaEvo.Core.Runners;
using GigaEvo.Web.Infrastructure.Hangfire;

namespace GigaEvo.Web.Runners;

/// <summary>Initialize, Stop and Restart of a runner instance: this process's job server (another process controls its own).</summary>
public sealed class RunnerControl(RunnerRegistry registry, RunnerIdentity identity, LocalJobServer jobServer)
{
    public async Task<RunnerInstance> InitializeAsync(string id, CancellationToken ct = default)
    {
        await EnsureLocalAsync(id, ct);
        await jobServer.StartAsync(ct);
        await registry.SetStatusAsync(id, RunnerStatus.Active, "initialized: taking jobs", ct);
        await registry.AuditAsync("runner.initialize", id, null, ct);
        return await registry.GetAsync(id, ct);
    }

    public async Task<RunnerInstance> StopAsync(string id, CancellationToken ct = default)
    {
        await EnsureLocalAsync(id, ct);
        await jobServer.StopAsync(ct);
        await registry.SetStatusAsync(id, RunnerStatus.Stopped, "stopped: takes no new jobs", ct);
        await registry.HeartbeatAsync(id, [], ct);
        await registry.AuditAsync("runner.stop", id, null, ct);
        return await registry.GetAsync(id, ct);
    }

    public async Task<RunnerInstance> RestartAsync(string id, CancellationToken ct = default)
    {
        await StopAsync(id, ct);
        return await InitializeAsync(id, ct);
    }

    public bool IsLocal(string id) => id == identity.Id;

    private async Task EnsureLocalAsync(string id, CancellationToken ct)
    {
        var instance = await registry.GetAsync(id, ct);
        if (!IsLocal(instance.Id))
        {
            throw new ConflictException($"runner instance '{id}' is another process ({instance.Endpoint}); control it through its own host");
        }
    }
}
