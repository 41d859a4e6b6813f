namespace GigaEvo.Core.Evolution;

/// <summary>A program held by an island's cell; the metrics are kept so migration can re-bin it.</summary>
public sealed record Elite(Guid Id, double Fitness, IReadOnlyDictionary<string, double> Metrics, bool IsValid);
