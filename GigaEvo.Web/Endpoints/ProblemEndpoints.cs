using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Endpoints;

public static class ProblemEndpoints
{
    public static IEndpointRouteBuilder MapProblemEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/problems").WithTags("Problems");
        group.MapGet("/", ListAsync).WithName("ListProblems").WithSummary("The example problem directories of problems/ (for custom experiments)");
        group.MapPost("/", UploadAsync).WithName("UploadProblem")
            .WithSummary("Upload a problem directory as a zip (multipart, field 'file'); it is validated and gets an id for ProblemUploadId")
            .DisableAntiforgery().Accepts<FileUploadForm>("multipart/form-data").ProducesErrors(400, 413);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ProblemInfo>>> ListAsync(ProblemCatalog problems, CancellationToken ct) =>
        TypedResults.Ok(await problems.ListExamplesAsync(ct));

    public static async Task<Results<Created<ProblemInfo>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ProblemCatalog problems, IOptions<PlatformOptions> options, CancellationToken ct)
    {
        try
        {
            var file = await Uploads.ReadFileAsync(request, options.Value, ct);
            await using var stream = file.OpenReadStream();
            var info = await problems.UploadZipAsync(file.FileName, stream, ct);
            return TypedResults.Created($"/api/v1/problems/{info.Id}", info);
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
}
