using GigaEvo.Core.Experiments;
using GigaEvo.Core.Runners;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Runners;

/// <summary>Writes this runner's heartbeat (time, busy workers, current experiment) every <c>Runner:HeartbeatSeconds</c>.</summary>
public sealed class RunnerHeartbeat(
    RunnerRegistry registry,
    RunnerIdentity identity,
    IRunCancellation runs,
    IOptions<RunnerOptions> options,
    TimeProvider time,
    ILogger<RunnerHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await registry.HeartbeatAsync(identity.Id, runs.Running, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A missed beat is what the health check is there to notice; the next tick tries again.
                logger.LogWarning(e, "Heartbeat of runner {Id} failed", identity.Id);
            }
        }
    }
}
