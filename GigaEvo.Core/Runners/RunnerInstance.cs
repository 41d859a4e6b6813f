namespace GigaEvo.Core.Runners;

/// <summary>A process that runs experiment jobs (a Hangfire server), as registered in the database.</summary>
public sealed class RunnerInstance
{
    /// <summary>Stable across restarts of the same runner (its configured name).</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Endpoint { get; set; }
    public RunnerStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastHeartbeat { get; set; }
    public DateTimeOffset? LastHealthCheck { get; set; }
    public string? HealthMessage { get; set; }
    public string? CurrentExperimentId { get; set; }
    public int BusyWorkers { get; set; }
    public int TotalWorkers { get; set; }
}

public enum RunnerStatus
{
    /// <summary>Processing jobs (in the rotation).</summary>
    Active,
    /// <summary>Stopped on request: takes no new jobs.</summary>
    Stopped,
    /// <summary>Failed its health check or its heartbeat is stale: out of the rotation until healthy again.</summary>
    Unhealthy,
}

public static class RunnerStatuses
{
    public static string ToKey(this RunnerStatus status) => status.ToString().ToUpperInvariant();
}
