using GigaEvo.Core.Runners;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Runners;

/// <summary>
/// Every <c>Runner:HealthCheckSeconds</c>, checks each registered instance: its heartbeat must be recent and,
/// for another process, its <c>/health</c> must answer. An unhealthy instance is marked UNHEALTHY (out of
/// the rotation) and back to ACTIVE when healthy again; a STOPPED one stays stopped.
/// </summary>
public sealed class RunnerHealthMonitor(
    RunnerRegistry registry,
    RunnerIdentity identity,
    IHttpClientFactory http,
    IOptions<RunnerOptions> options,
    TimeProvider time,
    ILogger<RunnerHealthMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HealthCheckSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Runner health check round failed");
            }
        }
    }

    public async Task CheckAllAsync(CancellationToken ct = default)
    {
        foreach (var instance in await registry.ListAsync(ct))
        {
            var problem = await ProblemAsync(instance, ct);
            var next = (instance.Status, problem) switch
            {
                (RunnerStatus.Stopped, _) => RunnerStatus.Stopped,
                (_, null) => RunnerStatus.Active,
                _ => RunnerStatus.Unhealthy,
            };
            if (next != instance.Status)
            {
                logger.LogWarning("Runner {Id}: {From} -> {To} ({Reason})", instance.Id, instance.Status.ToKey(), next.ToKey(), problem ?? "healthy again");
            }
            await registry.UpdateAsync(instance.Id, r =>
            {
                r.Status = next;
                r.LastHealthCheck = time.GetUtcNow();
                r.HealthMessage = problem ?? "healthy";
            }, ct);
        }
    }

    /// <summary>Null when healthy, else why not.</summary>
    private async Task<string?> ProblemAsync(RunnerInstance instance, CancellationToken ct)
    {
        var age = time.GetUtcNow() - instance.LastHeartbeat;
        if (age > TimeSpan.FromSeconds(options.Value.HeartbeatTimeoutSeconds))
        {
            return $"no heartbeat for {age.TotalSeconds:F0} s (Runner:HeartbeatTimeoutSeconds={options.Value.HeartbeatTimeoutSeconds})";
        }
        if (instance.Id == identity.Id)
        {
            return null;
        }
        try
        {
            using var client = http.CreateClient();
            client.Timeout = TimeSpan.FromSeconds(5);
            using var response = await client.GetAsync(new Uri(new Uri(instance.Endpoint), "/health"), ct);
            return response.IsSuccessStatusCode ? null : $"{instance.Endpoint}/health answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return $"{instance.Endpoint}/health unreachable: {e.Message}";
        }
    }
}
