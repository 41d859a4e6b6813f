using System.Text.Json.Serialization;

namespace GigaEvo.Core.Experiments;

/// <summary>What a running (or changing) experiment tells its watchers: the UI, SSE clients.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StatusChanged), "status")]
[JsonDerivedType(typeof(GenerationSummary), "generation")]
[JsonDerivedType(typeof(NewBestProgram), "best")]
[JsonDerivedType(typeof(ExperimentDeleted), "deleted")]
public abstract record ExperimentEvent(string ExperimentId, DateTimeOffset At)
{
    /// <summary>The SSE event name (also the JSON <c>type</c>).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}

public sealed record StatusChanged(string ExperimentId, DateTimeOffset At, string? From, string To, string? Reason)
    : ExperimentEvent(ExperimentId, At)
{
    [JsonIgnore]
    public override string Kind => "status";
}

/// <summary>One finished generation: best-so-far and mean of the primary metric, the running counts, LLM tokens and cost so far.</summary>
public sealed record GenerationSummary(
    string ExperimentId,
    DateTimeOffset At,
    int Generation,
    int MaxGenerations,
    double? BestSoFar,
    double? Mean,
    int Valid,
    int Invalid,
    int ProgramsTotal,
    int ProgramsValid,
    double Seconds,
    long? Tokens = null,
    double? Cost = null) : ExperimentEvent(ExperimentId, At)
{
    [JsonIgnore]
    public override string Kind => "generation";
}

public sealed record NewBestProgram(string ExperimentId, DateTimeOffset At, Guid ProgramId, int Generation, double Fitness)
    : ExperimentEvent(ExperimentId, At)
{
    [JsonIgnore]
    public override string Kind => "best";
}

/// <summary>The experiment and its files are gone; an event stream ends with it.</summary>
public sealed record ExperimentDeleted(string ExperimentId, DateTimeOffset At) : ExperimentEvent(ExperimentId, At)
{
    [JsonIgnore]
    public override string Kind => "deleted";
}
