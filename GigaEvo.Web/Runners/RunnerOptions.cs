namespace GigaEvo.Web.Runners;

/// <summary>Configuration section <c>Runner</c>: this process as a runner instance (a Hangfire server).</summary>
public sealed class RunnerOptions
{
    public const string Section = "Runner";

    /// <summary>Its id and name in the registry; stable across restarts. Default: the machine name.</summary>
    public string? Name { get; set; }

    /// <summary>Where other processes reach it; default: the first of the host's <c>urls</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Experiments run at once by this instance (the issue's <c>max_workers_per_instance</c>).</summary>
    public int MaxWorkersPerInstance { get; set; } = 5;

    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>How often every instance's health is checked.</summary>
    public int HealthCheckSeconds { get; set; } = 30;

    /// <summary>An instance whose last heartbeat is older than this is unhealthy.</summary>
    public int HeartbeatTimeoutSeconds { get; set; } = 90;

    /// <summary>Recent log lines kept in memory for <c>/api/v1/instances/{id}/logs</c>.</summary>
    public int LogLines { get; set; } = 2000;

    /// <summary>How long Stop waits for running experiments to save their state and leave.</summary>
    public int StopTimeoutSeconds { get; set; } = 30;
}
