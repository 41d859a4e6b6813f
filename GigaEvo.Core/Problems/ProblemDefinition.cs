namespace GigaEvo.Core.Problems;

/// <summary>A loaded, validated problem directory.</summary>
public sealed record ProblemDefinition
{
    public required string Name { get; init; }
    public required string Directory { get; init; }
    public required string TaskDescription { get; init; }
    public required IReadOnlyList<MetricSpec> Metrics { get; init; }
    public required string ValidatorPath { get; init; }
    public required IReadOnlyList<InitialProgram> InitialPrograms { get; init; }
    public string? HelperPath { get; init; }
    public string? ContextPath { get; init; }

    /// <summary>
    /// context.py also defines <c>build_holdout_context()</c>: a final hold-out never used during the search,
    /// on which the best program is re-evaluated at the end of a run (the overfitting guard).
    /// </summary>
    public bool HasHoldoutContext { get; init; }

    /// <summary>True when <c>validate</c> takes <c>(context, output)</c> rather than <c>(output)</c>.</summary>
    public bool ValidatorTakesContext => ContextPath is not null;

    public MetricSpec Primary => Metrics.Single(m => m.IsPrimary);

    public MetricSpec? Find(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}

public sealed record InitialProgram(string Name, string Code);
