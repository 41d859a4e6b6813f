namespace GigaEvo.Core.MachineLearning;

/// <summary>Inferred kind of a column; programs treat <c>boolean</c> as numeric and <c>text</c> as categorical.</summary>
public enum ColumnKind
{
    Numeric,
    Categorical,
    Boolean,
    Text,
}

public sealed record ColumnProfile(string Name, ColumnKind Kind, int Missing, int Distinct, double? Min, double? Max, double? Mean);

/// <summary>What a dataset holds, as far as the generator and the task description need.</summary>
public sealed record DatasetProfile
{
    public required IReadOnlyList<ColumnProfile> Columns { get; init; }
    public required int Rows { get; init; }
    public string? TargetName { get; init; }
    /// <summary>Class counts (classification) or null.</summary>
    public IReadOnlyDictionary<string, int>? ClassCounts { get; init; }
    /// <summary>Standard deviation of a numeric target (regression) or null.</summary>
    public double? TargetSpread { get; init; }

    public ColumnProfile? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
