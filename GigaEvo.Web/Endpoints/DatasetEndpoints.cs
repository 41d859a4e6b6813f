using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Endpoints;

public static class DatasetEndpoints
{
    public static IEndpointRouteBuilder MapDatasetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/datasets").WithTags("Datasets");
        group.MapPost("/", UploadAsync).WithName("UploadDataset").WithSummary("Upload a CSV dataset (multipart, field 'file'): returns its id, columns and row count")
            .DisableAntiforgery().Accepts<FileUploadForm>("multipart/form-data").ProducesErrors(400, 413);
        group.MapGet("/", ListAsync).WithName("ListDatasets").WithSummary("List the stored datasets, newest first");
        group.MapGet("/{id}", GetAsync).WithName("GetDataset").WithSummary("A dataset with its columns and first rows").ProducesErrors(404);
        return app;
    }

    public static async Task<Results<Created<DatasetDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, DatasetService datasets, IOptions<PlatformOptions> options, CancellationToken ct)
    {
        try
        {
            var file = await Uploads.ReadFileAsync(request, options.Value, ct);
            await using var stream = file.OpenReadStream();
            var preview = await datasets.UploadAsync(file.FileName, stream, ct);
            return TypedResults.Created($"/api/v1/datasets/{preview.Dataset.Id}", DatasetDto.From(preview));
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

    public static async Task<Ok<IReadOnlyList<DatasetDto>>> ListAsync(DatasetService datasets, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DatasetDto>>([.. (await datasets.ListAsync(ct)).Select(d => DatasetDto.From(d))]);

    public static async Task<Results<Ok<DatasetDto>, ProblemHttpResult>> GetAsync(string id, DatasetService datasets, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(DatasetDto.From(await datasets.PreviewAsync(id, ct)));
        }
        catch (PlatformException e)
        {
            return ApiProblems.From(e);
        }
    }
}
