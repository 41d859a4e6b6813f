namespace GigaEvo.Core.MachineLearning;

/// <summary>What the user asks for: a dataset, a task, a target, a metric, and how to evaluate.</summary>
public sealed record MlTaskOptions
{
    /// <summary><c>classification</c>, <c>regression</c> or <c>clustering</c>.</summary>
    public required string Task { get; init; }
    /// <summary>The column to predict; none for clustering.</summary>
    public string? Target { get; init; }
    /// <summary>The primary metric; default: the task's first metric.</summary>
    public string? Metric { get; init; }
    public double TestSize { get; init; } = 0.25;
    /// <summary>Final hold-out share, never used during the search.</summary>
    public double HoldoutSize { get; init; } = 0.2;
    /// <summary>K-fold cross-validation over the search rows when ≥ 2; a single split otherwise.</summary>
    public int CvFolds { get; init; }
    public int Seed { get; init; } = 42;
    /// <summary>Per-evaluation time limit of the run and validate stages.</summary>
    public double TimeLimitSeconds { get; init; } = 60;
    public int? RowLimit { get; init; }
    /// <summary>Clustering: the number of clusters the solution must produce.</summary>
    public int? Clusters { get; init; }
    /// <summary>Problem name; default: the CSV's file name.</summary>
    public string? Name { get; init; }
    /// <summary>Largest dataset accepted, in MiB.</summary>
    public int MaxFileMb { get; init; } = 200;
}

public static class MlTasks
{
    public const string Classification = "classification";
    public const string Regression = "regression";
    public const string Clustering = "clustering";

    public static readonly IReadOnlyList<string> All = [Classification, Regression, Clustering];
}
