using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GigaEvo.Web.Health;

public sealed record ComponentHealth(string Name, string Status, string? Description, double DurationMs, IReadOnlyDictionary<string, object> Data);

public sealed record HealthSummary(string Status, double DurationMs, IReadOnlyList<ComponentHealth> Components);

/// <summary>The JSON of <c>/health</c>: the overall status and each component's.</summary>
public static class HealthReportJson
{
    // Degraded (e.g. the runner stopped) still answers 200: the process serves; 503 is for an unhealthy component.
    public static HealthSummary Summarize(HealthReport report) => new(
        report.Status.ToString(),
        Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        [.. report.Entries.Select(e => new ComponentHealth(e.Key, e.Value.Status.ToString(),
            e.Value.Description ?? e.Value.Exception?.Message, Math.Round(e.Value.Duration.TotalMilliseconds, 1), e.Value.Data))]);
}
