using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
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
            .WithSummary("Queue a run (202); a stopped or failed experiment resumes its run folder").ProducesErrors(404, 409);
        group.MapPost("/stop", StopAsync).WithName("StopExperiment")
            .WithSummary("Cancel a queued run, or signal a running one: its Python processes are killed and it turns CANCELLED within seconds").ProducesErrors(404, 409);
        group.MapPost("/restart", RestartAsync).WithName("RestartExperiment")
            .WithSummary("Run again from generation 0 in a new run folder (202)").ProducesErrors(404, 409);
        group.MapGet("/events", EventsAsync).WithName("ExperimentEvents")
            .WithSummary("Server-sent events: the current status first, then status changes, generation summaries and new best programs; ends when the run ends")
            .ProducesErrors(404);
        return app;
    }

    public static Task<Results<Accepted<ExperimentDto>, ProblemHttpResult>> StartAsync(string id, ExperimentLifecycle lifecycle, CancellationToken ct) =>
        AcceptedAsync(id, () => lifecycle.StartAsync(id, ct));

    public static Task<Results<Accepted<ExperimentDto>, ProblemHttpResult>> StopAsync(string id, ExperimentLifecycle lifecycle, CancellationToken ct) =>
        AcceptedAsync(id, () => lifecycle.StopAsync(id, ct));

    public static Task<Results<Accepted<ExperimentDto>, ProblemHttpResult>> RestartAsync(string id, ExperimentLifecycle lifecycle, CancellationToken ct) =>
        AcceptedAsync(id, () => lifecycle.RestartAsync(id, ct));

    public static async Task<Results<ServerSentEventsResult<ExperimentEvent>, ProblemHttpResult>> EventsAsync(
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
        return TypedResults.ServerSentEvents(Stream(id, queries, notifier, time, ct));
    }

    private static async IAsyncEnumerable<SseItem<ExperimentEvent>> Stream(string id, ExperimentQueries queries,
        INotifier<ExperimentEvent> notifier, TimeProvider time, [EnumeratorCancellation] CancellationToken ct)
    {
        var events = Channel.CreateUnbounded<ExperimentEvent>();
        // Subscribed before the snapshot is read, so nothing between the two is missed.
        using var subscription = notifier.Subscribe(e =>
        {
            if (e.ExperimentId == id)
            {
                events.Writer.TryWrite(e);
            }
            return Task.CompletedTask;
        });
        var current = await queries.GetAsync(id, ct);
        yield return Item(new StatusChanged(id, time.GetUtcNow(), null, current.Status.ToKey(), "current status"));
        if (current.Status.IsFinished())
        {
            yield break;
        }
        await foreach (var e in events.Reader.ReadAllAsync(ct))
        {
            yield return Item(e);
            if (e is StatusChanged { To: var to } && ExperimentStatuses.TryParse(to, out var status) && status.IsFinished())
            {
                yield break;
            }
        }
    }

    private static SseItem<ExperimentEvent> Item(ExperimentEvent e) => new(e, e.Kind);

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
