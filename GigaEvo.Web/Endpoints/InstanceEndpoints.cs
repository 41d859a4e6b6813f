using GigaEvo.Core.Experiments;
using GigaEvo.Core.Runners;
using GigaEvo.Web.Contracts;
using GigaEvo.Web.Logging;
using GigaEvo.Web.Runners;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GigaEvo.Web.Endpoints;

/// <summary>Runner instances: list, details, Initialize/Stop/Restart, recent log lines, health summary.</summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/instances").WithTags("Runners");
        group.MapGet("/", ListAsync).WithName("ListInstances").WithSummary("Every runner instance with status, endpoint, heartbeat, current experiment, workers");
        group.MapGet("/health", HealthAsync).WithName("InstancesHealth").WithSummary("Health summary of the runner instances");
        group.MapGet("/{id}", GetAsync).WithName("GetInstance").WithSummary("One runner instance").ProducesErrors(404);
        group.MapPost("/{id}/initialize", InitializeAsync).WithName("InitializeInstance").WithSummary("Start taking jobs").ProducesErrors(404, 409);
        group.MapPost("/{id}/stop", StopAsync).WithName("StopInstance")
            .WithSummary("Take no new jobs; running experiments save their state and go back to QUEUED").ProducesErrors(404, 409);
        group.MapPost("/{id}/restart", RestartAsync).WithName("RestartInstance").WithSummary("Stop, then initialize").ProducesErrors(404, 409);
        group.MapGet("/{id}/logs", LogsAsync).WithName("InstanceLogs").WithSummary("The instance's most recent log lines (lines=N, default 100)").ProducesErrors(400, 404, 409);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RunnerDto>>> ListAsync(RunnerRegistry registry, RunnerIdentity local, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RunnerDto>>([.. (await registry.ListAsync(ct)).Select(r => RunnerDto.From(r, local.Id))]);

    public static async Task<Ok<RunnersHealthDto>> HealthAsync(RunnerRegistry registry, RunnerIdentity local, CancellationToken ct) =>
        TypedResults.Ok(RunnersHealthDto.From([.. (await registry.ListAsync(ct)).Select(r => RunnerDto.From(r, local.Id))]));

    public static Task<Results<Ok<RunnerDto>, ProblemHttpResult>> GetAsync(string id, RunnerRegistry registry, RunnerIdentity local, CancellationToken ct) =>
        ExperimentEndpoints.Handle(async () => RunnerDto.From(await registry.GetAsync(id, ct), local.Id));

    public static Task<Results<Accepted<RunnerDto>, ProblemHttpResult>> InitializeAsync(string id, RunnerControl control, RunnerIdentity local, CancellationToken ct) =>
        AcceptedAsync(() => control.InitializeAsync(id, ct), local);

    public static Task<Results<Accepted<RunnerDto>, ProblemHttpResult>> StopAsync(string id, RunnerControl control, RunnerIdentity local, CancellationToken ct) =>
        AcceptedAsync(() => control.StopAsync(id, ct), local);

    public static Task<Results<Accepted<RunnerDto>, ProblemHttpResult>> RestartAsync(string id, RunnerControl control, RunnerIdentity local, CancellationToken ct) =>
        AcceptedAsync(() => control.RestartAsync(id, ct), local);

    public static async Task<Results<Ok<IReadOnlyList<LogLine>>, ValidationProblem, ProblemHttpResult>> LogsAsync(
        string id, RunnerRegistry registry, RunnerIdentity local, RecentLogs logs, CancellationToken ct, int lines = 100)
    {
        if (lines is < 1 or > 10_000)
        {
            return ApiProblems.Field("lines", "lines must be between 1 and 10000.");
        }
        try
        {
            var instance = await registry.GetAsync(id, ct);
            if (instance.Id != local.Id)
            {
                throw new ConflictException($"runner instance '{id}' keeps its own log: GET {instance.Endpoint}/api/v1/instances/{id}/logs");
            }
            return TypedResults.Ok(logs.Last(lines));
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }

    private static async Task<Results<Accepted<RunnerDto>, ProblemHttpResult>> AcceptedAsync(Func<Task<RunnerInstance>> action, RunnerIdentity local)
    {
        try
        {
            var instance = await action();
            return TypedResults.Accepted($"/api/v1/instances/{instance.Id}", RunnerDto.From(instance, local.Id));
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }
}
