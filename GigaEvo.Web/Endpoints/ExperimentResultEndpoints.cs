using GigaEvo.Core.Experiments;
using GigaEvo.Core.Programs;
using GigaEvo.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GigaEvo.Web.Endpoints;

/// <summary>Results, the best program, the archive download, and the run's programs.</summary>
public static class ExperimentResultEndpoints
{
    public static IEndpointRouteBuilder MapExperimentResultEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/experiments/{id}").WithTags("Results");
        group.MapGet("/results", ResultsAsync).WithName("GetExperimentResults")
            .WithSummary("Best metric, best generation, program counts (total/valid/invalid), tokens").ProducesErrors(404);
        group.MapGet("/best-program", BestProgramAsync).WithName("GetBestProgram")
            .WithSummary("The best valid program so far: code, fitness, metrics, hold-out metrics, lineage (404 while there is none)").ProducesErrors(404);
        group.MapGet("/archive", ArchiveAsync).WithName("DownloadArchive")
            .WithSummary("The best program as a self-contained zip (program, validator, helper/context, metrics, task, run.py, metadata.json, README); 409 while no valid program exists")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip").ProducesErrors(404, 409);
        group.MapGet("/programs", ProgramsAsync).WithName("ListPrograms")
            .WithSummary("The current run's programs, newest first, paged; filter by state (FRESH, EVOLVING, DISCARDED…)").ProducesErrors(400, 404);
        return app;
    }

    public static Task<Results<Ok<ResultsDto>, ProblemHttpResult>> ResultsAsync(string id, ExperimentQueries queries, CancellationToken ct) =>
        ExperimentEndpoints.Handle(async () => ResultsDto.From(await queries.GetAsync(id, ct)));

    public static async Task<Results<Ok<BestProgramDto>, ProblemHttpResult>> BestProgramAsync(string id, ExperimentResults results, CancellationToken ct)
    {
        try
        {
            return await results.BestAsync(id, ct) is { } best
                ? TypedResults.Ok(BestProgramDto.From(best))
                : TypedResults.Problem($"experiment {id} has no valid program yet", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ArchiveAsync(string id, ExperimentResults results, CancellationToken ct)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"gigaevo-{id}-{Guid.NewGuid():N}.zip");
        try
        {
            await results.WriteArchiveAsync(id, zip, ct);
        }
        catch (PlatformException e)
        {
            File.Delete(zip);
            return ApiProblems.From(e);
        }
        // The temporary zip goes away when the response has been sent.
        var stream = new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose);
        return TypedResults.File(stream, "application/zip", $"{id}.zip");
    }

    public static async Task<Results<Ok<PageDto<ProgramDto>>, ValidationProblem, ProblemHttpResult>> ProgramsAsync(
        string id, ExperimentQueries queries, CancellationToken ct, string? state = null, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        if (Paging.Check(page, pageSize) is { } refused)
        {
            return refused;
        }
        ProgramState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            var match = Enum.GetValues<ProgramState>().Where(s => string.Equals(s.ToKey(), state, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                return ApiProblems.Field("state", $"Unknown program state '{state}'; use one of {string.Join(", ", Enum.GetValues<ProgramState>().Select(s => s.ToKey()))}.");
            }
            filter = match[0];
        }
        try
        {
            return TypedResults.Ok(PageDto.From(await queries.ProgramsAsync(id, filter, page, pageSize, ct), ProgramDto.From));
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }
}
