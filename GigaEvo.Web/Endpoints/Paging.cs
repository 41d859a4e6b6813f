using GigaEvo.Core.Experiments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GigaEvo.Web.Endpoints;

/// <summary>The paged lists' bounds: a page out of range is refused with the range, never silently adjusted.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 50;

    /// <summary>400 naming <c>page</c> and/or <c>pageSize</c> with the allowed range; null when both are fine.</summary>
    public static ValidationProblem? Check(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = [$"page must be 1 or more (got {page})."];
        }
        if (pageSize is < 1 or > ExperimentQueries.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {ExperimentQueries.MaxPageSize} (got {pageSize})."];
        }
        return errors.Count == 0 ? null : ApiProblems.Validation(new FieldValidationException(errors));
    }
}
