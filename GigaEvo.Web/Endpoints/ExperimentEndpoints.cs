using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GigaEvo.Web.Endpoints;

/// <summary>Create, list, read, history, delete and drop all.</summary>
public static class ExperimentEndpoints
{
    public static IEndpointRouteBuilder MapExperimentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/experiments").WithTags("Experiments");
        group.MapPost("/", CreateAsync).WithName("CreateExperiment")
            .WithSummary("Create an experiment from a dataset and a task, or from a problem directory; 400 lists each bad field").ProducesErrors(400);
        group.MapGet("/", ListAsync).WithName("ListExperiments").WithSummary("Experiments, newest first; filter by status, paged").ProducesErrors(400);
        group.MapGet("/{id}", GetAsync).WithName("GetExperiment").WithSummary("One experiment with its latest numbers").ProducesErrors(404);
        group.MapGet("/{id}/status", StatusAsync).WithName("GetExperimentStatus").WithSummary("Its status, error reason and progress").ProducesErrors(404);
        group.MapGet("/{id}/history", HistoryAsync).WithName("GetExperimentHistory").WithSummary("Every status transition with its time").ProducesErrors(404);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteExperiment").WithSummary("Delete an experiment and its files (a running one is stopped first)").ProducesErrors(404, 409);
        group.MapDelete("/", DropAllAsync).WithName("DropAllExperiments").WithSummary("Stop and delete every experiment").ProducesErrors(409);
        return app;
    }

    public static async Task<Results<Created<ExperimentDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ExperimentRequest request, ExperimentCreator creator, CancellationToken ct)
    {
        try
        {
            var experiment = await creator.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/experiments/{experiment.Id}", ExperimentDto.From(experiment));
        }
        catch (FieldValidationException e)
        {
            return ApiProblems.Validation(e);
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }

    /// <summary>One <c>status</c> at a time (a repeated one is refused); page ≥ 1, 1 ≤ pageSize ≤ 200.</summary>
    public static async Task<Results<Ok<PageDto<ExperimentDto>>, ValidationProblem>> ListAsync(
        ExperimentQueries queries, CancellationToken ct, [FromQuery] string[]? status = null, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        if (Paging.Check(page, pageSize) is { } refused)
        {
            return refused;
        }
        ExperimentStatus? filter = null;
        if (status is { Length: > 1 })
        {
            return ApiProblems.Field("status", $"Give one status at a time (got {status.Length}: {string.Join(", ", status)}); list without a filter to see them all.");
        }
        if (status is [{ Length: > 0 } key])
        {
            if (!ExperimentStatuses.TryParse(key, out var parsed))
            {
                return ApiProblems.Field("status", $"Unknown status '{key}'; use one of {string.Join(", ", ExperimentStatuses.All.Select(s => s.ToKey()))}.");
            }
            filter = parsed;
        }
        return TypedResults.Ok(PageDto.From(await queries.ListAsync(filter, page, pageSize, ct), ExperimentDto.From));
    }

    public static Task<Results<Ok<ExperimentDto>, ProblemHttpResult>> GetAsync(string id, ExperimentQueries queries, CancellationToken ct) =>
        Handle(async () => ExperimentDto.From(await queries.GetAsync(id, ct)));

    public static Task<Results<Ok<ExperimentStatusDto>, ProblemHttpResult>> StatusAsync(string id, ExperimentQueries queries, CancellationToken ct) =>
        Handle(async () => ExperimentStatusDto.From(await queries.GetAsync(id, ct)));

    public static Task<Results<Ok<IReadOnlyList<StatusChangeDto>>, ProblemHttpResult>> HistoryAsync(string id, ExperimentQueries queries, CancellationToken ct) =>
        Handle<IReadOnlyList<StatusChangeDto>>(async () => [.. (await queries.HistoryAsync(id, ct)).Select(StatusChangeDto.Of)]);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ExperimentLifecycle lifecycle, CancellationToken ct)
    {
        try
        {
            await lifecycle.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }

    public static async Task<Results<Ok<DropAllDto>, ProblemHttpResult>> DropAllAsync(ExperimentLifecycle lifecycle, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(new DropAllDto(await lifecycle.DropAllAsync(ct)));
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }

    /// <summary>200 with the value, or the refusal as ProblemDetails.</summary>
    internal static async Task<Results<Ok<T>, ProblemHttpResult>> Handle<T>(Func<Task<T>> action)
    {
        try
        {
            return TypedResults.Ok(await action());
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }
}
