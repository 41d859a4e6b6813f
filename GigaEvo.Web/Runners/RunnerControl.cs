using GigaEvo.Core.Experiments;
using GigaEvo.Core.Runners;
using GigaEvo.Web.Infrastructure.Hangfire;

namespace GigaEvo.Web.Runners;

/// <summary>Initialize, Stop and Restart of a runner instance: this process's job server (another process controls its own).</summary>
public sealed class RunnerControl(RunnerRegistry registry, RunnerIdentity identity, LocalJobServer jobServer)
{
    /// <summary>Starts taking jobs; refused while the runner is already ACTIVE with its job server running.</summary>
    public async Task<RunnerInstance> InitializeAsync(string id, CancellationToken ct = default)
    {
        var instance = await EnsureLocalAsync(id, ct);
        if (instance.Status == RunnerStatus.Active && jobServer.IsRunning)
        {
            throw new ConflictException($"runner instance '{id}' is already ACTIVE and taking jobs; restart it to start its job server again");
        }
        return await StartAsync(id, ct);
    }

    /// <summary>Takes no new jobs; refused while the runner is already STOPPED.</summary>
    public async Task<RunnerInstance> StopAsync(string id, CancellationToken ct = default)
    {
        var instance = await EnsureLocalAsync(id, ct);
        if (instance.Status == RunnerStatus.Stopped && !jobServer.IsRunning)
        {
            throw new ConflictException($"runner instance '{id}' is already STOPPED; initialize it to take jobs again");
        }
        return await HaltAsync(id, ct);
    }

    /// <summary>Stop, then initialize, from whatever status it has.</summary>
    public async Task<RunnerInstance> RestartAsync(string id, CancellationToken ct = default)
    {
        await EnsureLocalAsync(id, ct);
        await HaltAsync(id, ct);
        return await StartAsync(id, ct);
    }

    private async Task<RunnerInstance> StartAsync(string id, CancellationToken ct)
    {
        await jobServer.StartAsync(ct);
        await registry.SetStatusAsync(id, RunnerStatus.Active, "initialized: taking jobs", ct);
        await registry.AuditAsync("runner.initialize", id, null, ct);
        return await registry.GetAsync(id, ct);
    }

    private async Task<RunnerInstance> HaltAsync(string id, CancellationToken ct)
    {
        await jobServer.StopAsync(ct);
        await registry.SetStatusAsync(id, RunnerStatus.Stopped, "stopped: takes no new jobs", ct);
        await registry.HeartbeatAsync(id, [], ct);
        await registry.AuditAsync("runner.stop", id, null, ct);
        return await registry.GetAsync(id, ct);
    }

    public bool IsLocal(string id) => id == identity.Id;

    private async Task<RunnerInstance> EnsureLocalAsync(string id, CancellationToken ct)
    {
        var instance = await registry.GetAsync(id, ct);
        if (!IsLocal(instance.Id))
        {
            throw new ConflictException($"runner instance '{id}' is another process ({instance.Endpoint}); control it through its own host");
        }
        return instance;
    }
}
