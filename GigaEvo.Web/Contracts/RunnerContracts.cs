using GigaEvo.Core.Runners;

namespace GigaEvo.Web.Contracts;

/// <summary>A runner instance as the runners page shows it.</summary>
public sealed record RunnerDto(
    string Id,
    string Name,
    string Endpoint,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeat,
    DateTimeOffset? LastHealthCheck,
    string? HealthMessage,
    string? CurrentExperimentId,
    int BusyWorkers,
    int TotalWorkers,
    bool IsLocal)
{
    public static RunnerDto From(RunnerInstance r, string localId) => new(r.Id, r.Name, r.Endpoint, r.Status.ToKey(), r.StartedAt, r.LastHeartbeat,
        r.LastHealthCheck, r.HealthMessage, r.CurrentExperimentId, r.BusyWorkers, r.TotalWorkers, r.Id == localId);
}

/// <summary>The health summary of all instances: healthy when at least one is active and none is unhealthy.</summary>
public sealed record RunnersHealthDto(int Total, int Active, int Stopped, int Unhealthy, bool Healthy, int BusyWorkers, int TotalWorkers)
{
    public static RunnersHealthDto From(IReadOnlyList<RunnerDto> instances)
    {
        var active = instances.Count(i => i.Status == RunnerStatus.Active.ToKey());
        var unhealthy = instances.Count(i => i.Status == RunnerStatus.Unhealthy.ToKey());
        return new RunnersHealthDto(instances.Count, active, instances.Count(i => i.Status == RunnerStatus.Stopped.ToKey()), unhealthy,
            active > 0 && unhealthy == 0, instances.Sum(i => i.BusyWorkers), instances.Sum(i => i.TotalWorkers));
    }
}
