using GigaEvo.Core.Experiments;

namespace GigaEvo.Web.Contracts;

/// <summary>An experiment as the REST API and the pages show it.</summary>
public sealed record ExperimentDto(
    string Id,
    string Name,
    string Description,
    string TaskType,
    string? DatasetId,
    string? Template,
    string? TargetColumn,
    string Metric,
    bool HigherIsBetter,
    int Generations,
    string Model,
    string Preset,
    IReadOnlyList<string> Overrides,
    string Status,
    string? ErrorReason,
    int RunNumber,
    string? RunnerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double Progress,
    ResultsDto Results)
{
    public static ExperimentDto From(Experiment e) => new(e.Id, e.Name, e.Description, e.TaskType, e.DatasetId, e.Template, e.TargetColumn,
        e.Metric, e.HigherIsBetter, e.Generations, e.Model, e.Preset, e.Overrides, e.Status.ToKey(), e.ErrorReason, e.RunNumber, e.RunnerId,
        e.CreatedAt, e.UpdatedAt, e.StartedAt, e.FinishedAt, ProgressOf(e), ResultsDto.From(e));

    /// <summary>Generations done over generations asked (1 when completed).</summary>
    public static double ProgressOf(Experiment e) => e.Status == ExperimentStatus.Completed ? 1
        : e.Generations <= 0 ? 0 : Math.Clamp((double)e.Summary.GenerationsDone / e.Generations, 0, 1);
}

/// <summary>The latest numbers of the current run.</summary>
public sealed record ResultsDto(
    string Id,
    string Metric,
    bool HigherIsBetter,
    double? BestMetric,
    int? BestGeneration,
    string? BestProgramId,
    int GenerationsDone,
    int Generations,
    int ProgramsTotal,
    int ProgramsValid,
    int ProgramsInvalid,
    long Tokens,
    double Cost,
    double? HoldoutMetric)
{
    public static ResultsDto From(Experiment e) => new(e.Id, e.Metric, e.HigherIsBetter, e.Summary.BestMetric, e.Summary.BestGeneration,
        e.Summary.BestProgramId, e.Summary.GenerationsDone, e.Generations, e.Summary.ProgramsTotal, e.Summary.ProgramsValid,
        e.Summary.ProgramsInvalid, e.Summary.Tokens, e.Summary.Cost, e.Summary.HoldoutMetric);
}

public sealed record ExperimentStatusDto(string Id, string Status, string? ErrorReason, int GenerationsDone, int Generations, double Progress, DateTimeOffset UpdatedAt)
{
    public static ExperimentStatusDto From(Experiment e) =>
        new(e.Id, e.Status.ToKey(), e.ErrorReason, e.Summary.GenerationsDone, e.Generations, ExperimentDto.ProgressOf(e), e.UpdatedAt);
}

public sealed record StatusChangeDto(string? From, string To, DateTimeOffset At, string? Reason)
{
    public static StatusChangeDto Of(StatusChange c) => new(c.From?.ToKey(), c.To.ToKey(), c.At, c.Reason);
}

public sealed record PageDto<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class PageDto
{
    public static PageDto<T> From<TSource, T>(Page<TSource> page, Func<TSource, T> map) =>
        new([.. page.Items.Select(map)], page.Total, page.PageNumber, page.PageSize);
}

/// <summary>The result of Drop All.</summary>
public sealed record DropAllDto(int Deleted);
