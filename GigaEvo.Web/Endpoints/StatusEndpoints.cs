using GigaEvo.Web.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GigaEvo.Web.Endpoints;

public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/status", GetAsync).WithTags("System").WithName("SystemStatus")
            .WithSummary("Database, job storage, program store, artifact store, Python (numpy/sklearn versions), queue depths, experiments by status, runners");
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync })
            .WithTags("System").WithName("Health").WithSummary("Health of each component as JSON (503 when one is unhealthy)");
        return app;
    }

    public static async Task<Ok<SystemStatus>> GetAsync(SystemStatusService status, CancellationToken ct) => TypedResults.Ok(await status.GetAsync(ct));
}
