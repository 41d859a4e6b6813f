namespace GigaEvo.Core.Experiments;

/// <summary>What the create page (or <c>POST /api/v1/experiments</c>) asks for. Field names are the error keys.</summary>
public sealed record ExperimentRequest
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    /// <summary><c>classification</c>, <c>regression</c>, <c>clustering</c> (with a dataset) or <c>custom</c> (with a problem).</summary>
    public string? TaskType { get; init; }
    public string? DatasetId { get; init; }
    /// <summary>Custom task: an example problem of <c>problems/</c>.</summary>
    public string? Problem { get; init; }
    /// <summary>Custom task: a problem directory uploaded as a zip (<c>POST /api/v1/problems</c>).</summary>
    public string? ProblemUploadId { get; init; }
    public string? TargetColumn { get; init; }
    /// <summary>ML tasks: one of the task's metrics (default: the task's first). Custom: the problem's primary metric.</summary>
    public string? Metric { get; init; }
    /// <summary>Clustering: the number of clusters.</summary>
    public int? Clusters { get; init; }
    public int? Generations { get; init; }
    /// <summary><c>local operator</c> (default) or a configured model name.</summary>
    public string? Model { get; init; }
    public string? Preset { get; init; }
    public int? Islands { get; init; }
    /// <summary>Programs evaluated at once (<c>max_parallel_programs</c>).</summary>
    public int? Parallelism { get; init; }
    public int? Seed { get; init; }
    /// <summary>Further configuration overrides, <c>key=value</c>.</summary>
    public IReadOnlyList<string>? Overrides { get; init; }
    /// <summary>Set when made from a template.</summary>
    public string? Template { get; init; }
}
