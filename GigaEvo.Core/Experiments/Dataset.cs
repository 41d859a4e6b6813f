using GigaEvo.Core.MachineLearning;

namespace GigaEvo.Core.Experiments;

/// <summary>An uploaded (or template) CSV: where it is stored and what its columns hold.</summary>
public sealed class Dataset
{
    /// <summary><c>DS-</c> and 12 hex digits.</summary>
    public required string Id { get; set; }
    public required string FileName { get; set; }
    /// <summary>Artifact key of the stored file.</summary>
    public required string Key { get; set; }
    public int Rows { get; set; }
    public long SizeBytes { get; set; }
    public List<DatasetColumn> Columns { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed record DatasetColumn(string Name, ColumnKind Kind, int Missing, int Distinct);
