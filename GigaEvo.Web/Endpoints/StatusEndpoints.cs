using GigaEvo.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GigaEvo.Web.Endpoints;

public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/status", GetAsync).WithTags("System").WithName("SystemStatus")
            .WithSummary("Database, job storage, program store, artifact store, Python (numpy/sklearn versions), queue depths, experiments by status, runners");
        app.MapGet("/health", HealthAsync).WithTags("System").WithName("Health")
            .WithSummary("Health of each component as JSON (503 when one is unhealthy)").Produces<HealthSummary>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<Ok<HealthSummary>, JsonHttpResult<HealthSummary>>> HealthAsync(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var summary = HealthReportJson.Summarize(report);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(summary, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(summary);
    }

    public static async Task<Ok<SystemStatus>> GetAsync(SystemStatusService status, CancellationToken ct) => TypedResults.Ok(await status.GetAsync(ct));
}
