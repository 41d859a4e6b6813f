using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace GigaEvo.Web.Endpoints;

/// <summary>
/// A request the minimal API cannot bind (unreadable JSON, a body that is not an object, a query value of the
/// wrong type) becomes ProblemDetails naming the field, like every other 400; other binding refusals
/// (415 media type, 413 size) keep their status. Needs <c>RouteHandlerOptions.ThrowOnBadRequest</c>.
/// </summary>
internal sealed partial class BindingProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public const string BodyField = "body";

    private const string MissingBody = "Send a JSON object of the request's fields (Content-Type: application/json), not an empty body or null.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        context.Response.StatusCode = bad.StatusCode;
        var details = bad.StatusCode == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(Errors(bad)) { Title = "Invalid input", Detail = "One or more fields are invalid; see errors." }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "Bad request", Detail = bad.Message };
        details.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The bad field and why, read from the exception (the framework offers no structured form).</summary>
    public static Dictionary<string, string[]> Errors(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var reason = Before(json.Message, " Path:");
            var message = json.InnerException is JsonException syntax
                ? $"The body is not valid JSON: {Before(syntax.Message, " Path:")}"
                : field is null ? "The body must be a JSON object of the request's fields, e.g. {\"name\": \"…\"}."
                : $"{field} {Expected(reason)}";
            return new() { [field ?? BodyField] = [message] };
        }
        if (QueryFailure().Match(bad.Message) is { Success: true } query)
        {
            var name = query.Groups["name"].Value;
            return new() { [name] = [$"'{query.Groups["value"].Value}' is not a valid value for {name}: {Expected(query.Groups["type"].Value)}"] };
        }
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return new() { [BodyField] = [MissingBody] };
        }
        if (Missing().Match(bad.Message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value == "body"
                ? new() { [BodyField] = [MissingBody] }
                : new() { [missing.Groups["name"].Value] = [$"{missing.Groups["name"].Value} is required."] };
        }
        return new() { ["request"] = [bad.Message] };
    }

    /// <summary><c>$.generations</c> → <c>generations</c>; <c>$.overrides[1]</c> → <c>overrides</c>; <c>$</c> (the body itself) → null.</summary>
    private static string? FieldOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal) || path.Length < 3)
        {
            return null;
        }
        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return JsonNamingPolicy.CamelCase.ConvertName(end > 0 ? name[..end] : name);
    }

    private static string Expected(string text) =>
        text.Contains("Int32", StringComparison.Ordinal) || text.StartsWith("int", StringComparison.Ordinal) ? "must be a whole number (within ±2147483647)."
        : text.Contains("Int64", StringComparison.Ordinal) || text.StartsWith("long", StringComparison.Ordinal) ? "must be a whole number."
        : text.Contains("Double", StringComparison.Ordinal) || text.StartsWith("double", StringComparison.Ordinal) ? "must be a number."
        : text.Contains("Boolean", StringComparison.Ordinal) || text.StartsWith("bool", StringComparison.Ordinal) ? "must be true or false."
        : text.Contains("List", StringComparison.Ordinal) || text.Contains("[]", StringComparison.Ordinal) ? "must be a list of strings."
        : text.Contains("String", StringComparison.Ordinal) || text.StartsWith("string", StringComparison.Ordinal) ? "must be a string."
        : "has a value of the wrong type.";

    private static string Before(string text, string marker) =>
        text.IndexOf(marker, StringComparison.Ordinal) is var i and >= 0 ? text[..i] : text;

    // "Failed to bind parameter "int page" from "abc"."
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]*) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex QueryFailure();

    // "Required parameter "ExperimentRequest request" was not provided from body." / "... from query string."
    [GeneratedRegex("""^Required parameter "(?<type>[^"]*) (?<name>[^" ]+)" was not provided from (?<source>body|query string|route|header|form)""")]
    private static partial Regex Missing();
}
