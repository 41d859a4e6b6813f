using GigaEvo.Core.Experiments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GigaEvo.Web.Endpoints;

/// <summary>Every refusal as ProblemDetails: 400 with each bad field, 404 unknown id, 409 conflict, 413 too large.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult From(PlatformException e) => e switch
    {
        NotFoundException => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        InvalidTransitionException => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Invalid status transition"),
        ConflictException => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        TooLargeException => TooLarge(e.Message),
        FieldValidationException v => TypedResults.Problem(v.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid input"),
        _ => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest),
    };

    public static ValidationProblem Validation(FieldValidationException e) =>
        TypedResults.ValidationProblem(e.Errors.ToDictionary(x => x.Key, x => x.Value), detail: "One or more fields are invalid; see errors.", title: "Invalid input");

    public static ValidationProblem Field(string field, string message) => Validation(FieldValidationException.For(field, message));

    public static ProblemHttpResult TooLarge(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");

    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder = status == StatusCodes.Status400BadRequest ? builder.ProducesValidationProblem() : builder.ProducesProblem(status);
        }
        return builder;
    }
}
