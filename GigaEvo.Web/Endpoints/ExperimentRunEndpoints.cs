using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GigaEvo.Web.Endpoints;

/// <summary>Start, stop, restart, and the live event stream.</summary>
public static class ExperimentRunEndpoints
{
    public static IEndpointRouteBuilder MapExperimentRunEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/experiments/{id}").WithTags("Experiments");
        group.MapPost("/start", StartAsync).WithName("StartExperiment")
            .WithSummary("Queue a run (202); a stopped or failed experiment resumes its run folder; 409 while queued or running").ProducesErrors(404, 409);
        group.MapPost("/stop", StopAsync).WithName("StopExperiment")
            .WithSummary("Cancel a queued run, or signal a running one: its Python processes are killed and it turns CANCELLED within seconds").ProducesErrors(404, 409);
        group.MapPost("/restart", RestartAsync).WithName("RestartExperiment")
            .WithSummary("Run again from generation 0 in a new run folder (202); 409 while queued or running (stop it first)").ProducesErrors(404, 409);
        group.MapGet("/events", EventsAsync).WithName("ExperimentEvents")
            .WithSummary("Server-sent events: the current status first, then status changes, generation summaries and new best programs; "
                + "ends when the run ends or the experiment is deleted (event deleted); a ': keep-alive' comment every 15 s")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesErrors(404);
        return app;
    }

    public static Task<Results<Accepted<ExperimentDto>, ProblemHttpResult>> StartAsync(string id, ExperimentLifecycle lifecycle, CancellationToken ct) =>
        AcceptedAsync(id, () => lifecycle.StartAsync(id, ct));

    public static Task<Results<Accepted<ExperimentDto>, ProblemHttpResult>> StopAsync(string id, ExperimentLifecycle lifecycle, CancellationToken ct) =>
        AcceptedAsync(id, () => lifecycle.StopAsync(id, ct));

    public static Task<Results<Accepted<ExperimentDto>, ProblemHttpResult>> RestartAsync(string id, ExperimentLifecycle lifecycle, CancellationToken ct) =>
        AcceptedAsync(id, () => lifecycle.RestartAsync(id, ct));

    public static async Task<Results<ExperimentEventStream, ProblemHttpResult>> EventsAsync(
        string id, ExperimentQueries queries, INotifier<ExperimentEvent> notifier, TimeProvider time, CancellationToken ct)
    {
        try
        {
            await queries.GetAsync(id, ct);
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
        return new ExperimentEventStream(id, queries, notifier, time);
    }

    private static async Task<Results<Accepted<ExperimentDto>, ProblemHttpResult>> AcceptedAsync(string id, Func<Task<Experiment>> action)
    {
        try
        {
            return TypedResults.Accepted($"/api/v1/experiments/{id}/status", ExperimentDto.From(await action()));
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }
}
