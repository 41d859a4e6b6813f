using System.Text.Json;
using System.Text.Json.Serialization;

namespace GigaEvo.Core.MachineLearning;

/// <summary>The <c>ml_spec.json</c> of a generated problem: read by its Python files and by the export.</summary>
public sealed record MlSpec
{
    public const string FileName = "ml_spec.json";

    public required string Task { get; init; }
    public string? Target { get; init; }
    public required string Metric { get; init; }
    public string DataFile { get; init; } = "data.csv";
    public required IReadOnlyList<MlSpecColumn> Columns { get; init; }
    public int Seed { get; init; }
    public double TestSize { get; init; }
    public double HoldoutSize { get; init; }
    public int CvFolds { get; init; }
    public int? NClusters { get; init; }
    public int? RowLimit { get; init; }
    public double TimeLimitSeconds { get; init; }
    public IReadOnlyList<string>? Classes { get; init; }

    public static MlSpec? TryRead(string problemDirectory)
    {
        var path = Path.Combine(problemDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), MlSpecJson.Default.MlSpec) : null;
    }

    public string ToJson() => JsonSerializer.Serialize(this, MlSpecJson.Default.MlSpec);
}

public sealed record MlSpecColumn(string Name, string Type);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(MlSpec))]
public sealed partial class MlSpecJson : JsonSerializerContext;
