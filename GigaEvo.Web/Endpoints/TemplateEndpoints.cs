using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GigaEvo.Web.Endpoints;

public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/templates").WithTags("Templates");
        group.MapGet("/", List).WithName("ListTemplates").WithSummary("The ML templates (scikit-learn datasets) and the example problems");
        group.MapPost("/{name}/experiments", CreateAsync).WithName("CreateExperimentFromTemplate")
            .WithSummary("Create an experiment from a template (its dataset included); any field in the optional body replaces the template's")
            .ProducesErrors(400, 404);
        return app;
    }

    public static Ok<IReadOnlyList<TemplateInfo>> List() => TypedResults.Ok(ExperimentTemplates.List());

    public static async Task<Results<Created<ExperimentDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string name, ExperimentTemplates templates, CancellationToken ct, ExperimentRequest? changes = null)
    {
        try
        {
            var experiment = await templates.CreateAsync(name, changes, ct);
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
}
