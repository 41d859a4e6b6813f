using GigaEvo.Core.Configuration;
using GigaEvo.Core.Problems;

namespace GigaEvo.Core.Evolution;

/// <summary>Maps a program's metrics to a MAP-Elites cell: one bin index per axis, bins from metric bounds.</summary>
public sealed class BehaviorSpace
{
    private readonly IReadOnlyList<(string Metric, int Bins, double Min, double Max)> _axes;

    public BehaviorSpace(IReadOnlyList<AxisSettings> axes, ProblemDefinition problem)
    {
        _axes = [.. axes.Select(a => Resolve(a, problem))];
        Metrics = [.. _axes.Select(a => a.Metric)];
    }

    public IReadOnlyList<string> Metrics { get; }

    public string CellOf(IReadOnlyDictionary<string, double> metrics) =>
        string.Join(",", _axes.Select(a => Bin(metrics.GetValueOrDefault(a.Metric, a.Min), a)));

    private static int Bin(double value, (string Metric, int Bins, double Min, double Max) axis)
    {
        if (!double.IsFinite(value) || axis.Max <= axis.Min)
        {
            return 0;
        }
        var t = (value - axis.Min) / (axis.Max - axis.Min);
        return Math.Clamp((int)Math.Floor(t * axis.Bins), 0, axis.Bins - 1);
    }

    private static (string, int, double, double) Resolve(AxisSettings axis, ProblemDefinition problem)
    {
        var name = axis.Metric == "fitness" ? problem.Primary.Name : axis.Metric;
        var spec = problem.Find(name);
        var (min, max) = name switch
        {
            "is_valid" => (0.0, 1.0 + 1e-9),
            "complexity" => (0.0, 400.0),
            _ => (spec?.LowerBound ?? 0, spec?.UpperBound ?? 1),
        };
        return (name, Math.Max(1, axis.Bins), axis.Min ?? min, axis.Max ?? max);
    }
}
