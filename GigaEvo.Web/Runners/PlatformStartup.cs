using GigaEvo.Core.Experiments;
using GigaEvo.Core.Infrastructure.Sqlite;
using GigaEvo.Core.Runners;
using GigaEvo.Web.Infrastructure.Hangfire;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GigaEvo.Web.Runners;

/// <summary>
/// Start-up in order: the database schema, this runner in the registry, the job server, then the experiments
/// a previous process left QUEUED or RUNNING (queued again to resume). At shutdown: running experiments
/// save their state and go back to QUEUED, and the runner is marked stopped.
/// </summary>
public sealed class PlatformStartup(
    IDbContextFactory<PlatformDbContext> dbFactory,
    RunnerRegistry registry,
    RunnerIdentity identity,
    RunnerEndpoint endpoint,
    LocalJobServer jobServer,
    ExperimentRecovery recovery,
    IServiceProvider services,
    ILogger<PlatformStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SqlitePlatformDatabase.EnsureSchemaAsync(dbFactory, cancellationToken);
        // Hangfire's process-wide settings (serializer, logging to this host's loggers) before its first job.
        services.GetRequiredService<HangfireLogBridge.Attachment>();
        services.GetRequiredService<IGlobalConfiguration>();
        await registry.RegisterAsync(identity, endpoint.Url, cancellationToken);
        await jobServer.StartAsync(cancellationToken);
        await recovery.RecoverAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await jobServer.StopAsync(CancellationToken.None);
        try
        {
            await registry.SetStatusAsync(identity.Id, RunnerStatus.Stopped, "host stopped", CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // A host torn down without a graceful stop first (as test servers are) has no database left to tell;
            // its stale heartbeat marks it unhealthy, and the next start registers it again.
            logger.LogWarning("Runner {Id} stopped after its services were disposed; its status is left as it was", identity.Id);
        }
    }
}

/// <summary>Where this runner is reached: <c>Runner:Endpoint</c>, else the first of the host's <c>urls</c>.</summary>
public sealed record RunnerEndpoint(string Url)
{
    public static RunnerEndpoint From(IConfiguration configuration, RunnerOptions options) =>
        new(options.Endpoint ?? (configuration["urls"] ?? "http://localhost:7860").Split(';', StringSplitOptions.RemoveEmptyEntries)[0]);
}
