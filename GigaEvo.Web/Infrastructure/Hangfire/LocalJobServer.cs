using GigaEvo.Core.Experiments;
using GigaEvo.Core.Runners;
using GigaEvo.Web.Runners;
using Hangfire;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Infrastructure.Hangfire;

/// <summary>
/// This process's Hangfire server, started and stopped on demand (the runner's Initialize/Stop/Restart).
/// Stop takes no new job, cancels the running experiments (they save their state and go back to QUEUED),
/// then waits for the workers to leave.
/// </summary>
public sealed class LocalJobServer(
    JobStorage storage,
    JobActivator activator,
    IOptions<RunnerOptions> options,
    RunnerIdentity identity,
    IRunCancellation runs,
    ILogger<LocalJobServer> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BackgroundJobServer? _server;
    private bool _disposed;

    public bool IsRunning => Volatile.Read(ref _server) is not null;

    public async Task StartAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _server ??= new BackgroundJobServer(new BackgroundJobServerOptions
            {
                ServerName = identity.Name,
                WorkerCount = identity.Workers,
                Activator = activator,
                ShutdownTimeout = TimeSpan.FromSeconds(options.Value.StopTimeoutSeconds),
            }, storage);
            logger.LogInformation("Job server {Name} started with {Workers} workers", identity.Name, identity.Workers);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _disposed))
        {
            // A test host disposes its services before stopping its hosted services; Dispose stopped the server already.
            return;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_server is not { } server)
            {
                return;
            }
            server.SendStop();
            var stopping = runs.RequestStopAll(StopKind.Requeue);
            var timeout = TimeSpan.FromSeconds(options.Value.StopTimeoutSeconds);
            foreach (var id in stopping)
            {
                if (!await runs.WaitForEndAsync(id, timeout))
                {
                    logger.LogWarning("Experiment {Id} did not stop within {Timeout}", id, timeout);
                }
            }
            server.Dispose();
            _server = null;
            logger.LogInformation("Job server {Name} stopped ({Count} running experiment(s) re-queued)", identity.Name, stopping.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _server?.Dispose();
        _gate.Dispose();
    }
}
