namespace GigaEvo.Core.Experiments;

/// <summary>A refused request on the platform; the REST layer maps each kind to its status code.</summary>
public abstract class PlatformException(string message) : Exception(message);

/// <summary>No experiment, dataset, template or runner with that id (404).</summary>
public sealed class NotFoundException(string kind, string id) : PlatformException($"{kind} '{id}' not found")
{
    public string Kind { get; } = kind;
    public string Id { get; } = id;
}

/// <summary>The transition table forbids the move (409).</summary>
public sealed class InvalidTransitionException(string experimentId, ExperimentStatus from, ExperimentStatus to, string action)
    : PlatformException($"cannot {action} experiment {experimentId}: it is {from.ToKey()} (the move {from.ToKey()} -> {to.ToKey()} is not allowed)")
{
    public ExperimentStatus From { get; } = from;
    public ExperimentStatus To { get; } = to;
}

/// <summary>The request is well-formed but conflicts with the current state (409), e.g. no valid program yet.</summary>
public sealed class ConflictException(string message) : PlatformException(message);

/// <summary>Bad input: one or more messages per field (400).</summary>
public sealed class FieldValidationException(IReadOnlyDictionary<string, string[]> errors)
    : PlatformException("invalid input: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static FieldValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>An upload is over the configured limit (413).</summary>
public sealed class TooLargeException(string message) : PlatformException(message);
