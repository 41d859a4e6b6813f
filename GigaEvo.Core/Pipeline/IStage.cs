using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Pipeline;

/// <summary>A named, typed input of a stage, fed by a data edge.</summary>
public sealed record StageInput(string Name, Type Type, bool Optional = false);

/// <summary>One step of the evaluation DAG. Stages are stateless; per-program data arrives in the context.</summary>
public interface IStage
{
    string Name { get; }

    IReadOnlyList<StageInput> Inputs { get; }

    /// <summary>The type of <see cref="StageRun.Value"/> on success (data edges are checked against it).</summary>
    Type OutputType { get; }

    TimeSpan Timeout { get; }

    /// <summary>Whether a result may be reused for another program with the same code.</summary>
    bool Cacheable { get; }

    Task<StageRun> RunAsync(StageContext context, CancellationToken ct);
}

/// <summary>What a stage produced: a status, the typed value on success, and diagnostics.</summary>
public sealed record StageRun
{
    public required StageStatus Status { get; init; }
    public object? Value { get; init; }
    public string? Error { get; init; }
    public string? Traceback { get; init; }
    public string? Stdout { get; init; }
    public string? Stderr { get; init; }
    public string? Summary { get; init; }

    public static StageRun Success(object value, string? summary = null) =>
        new() { Status = StageStatus.Completed, Value = value, Summary = summary };

    public static StageRun Failure(string error, string? traceback = null) =>
        new() { Status = StageStatus.Failed, Error = error, Traceback = traceback };
}

/// <summary>Inputs of one stage execution for one program.</summary>
public sealed class StageContext(EvolvedProgram program, IReadOnlyDictionary<string, object> inputs)
{
    public EvolvedProgram Program { get; } = program;

    public bool Has(string input) => inputs.ContainsKey(input);

    public T Input<T>(string input) => inputs.TryGetValue(input, out var value) && value is T typed
        ? typed
        : throw new InvalidOperationException($"input '{input}' of type {typeof(T).Name} is not available");

    public T? Optional<T>(string input) where T : class => inputs.TryGetValue(input, out var value) ? value as T : null;
}

/// <summary>Base for stages: declares the output type once.</summary>
public abstract class Stage<TOutput>(string name, TimeSpan timeout, bool cacheable = true) : IStage
{
    public string Name { get; } = name;

    public virtual IReadOnlyList<StageInput> Inputs => [];

    public Type OutputType => typeof(TOutput);

    public TimeSpan Timeout { get; } = timeout;

    public bool Cacheable { get; } = cacheable;

    public abstract Task<StageRun> RunAsync(StageContext context, CancellationToken ct);
}
