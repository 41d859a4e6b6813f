using GigaEvo.Core.Configuration;
using GigaEvo.Core.Problems;

namespace GigaEvo.Core.Evolution;

/// <summary>One MAP-Elites grid: each cell keeps the single best program that falls into it.</summary>
public sealed class Island(IslandSettings settings, ProblemDefinition problem)
{
    private readonly BehaviorSpace _space = new(settings.Axes, problem);
    private readonly Dictionary<string, Elite> _cells = [];
    private readonly MetricSpec _primary = problem.Primary;

    public string Name => settings.Name;

    public IslandSettings Settings => settings;

    public IReadOnlyDictionary<string, Elite> Cells => _cells;

    public IEnumerable<Elite> Elites => _cells.Values;

    /// <summary>Islands without an is_valid axis hold only valid programs (the invalid would crowd real solutions out).</summary>
    public bool Admits(Elite elite) => elite.IsValid || _space.Metrics.Contains("is_valid");

    /// <summary>Places the program in its cell if the cell is empty or the program beats the incumbent.</summary>
    public bool TryAdd(Elite elite)
    {
        if (!Admits(elite) || _cells.Values.Any(e => e.Id == elite.Id))
        {
            return false;
        }
        var cell = _space.CellOf(elite.Metrics);
        if (_cells.TryGetValue(cell, out var incumbent) && !Beats(elite, incumbent))
        {
            return false;
        }
        _cells[cell] = elite;
        if (settings.MaxSize > 0 && _cells.Count > settings.MaxSize)
        {
            var worst = _cells.MinBy(c => Rank(c.Value));
            _cells.Remove(worst.Key);
            return worst.Value.Id != elite.Id;
        }
        return true;
    }

    public IReadOnlyList<Elite> Top(int count) => [.. _cells.Values.Where(e => e.IsValid).OrderByDescending(Rank).Take(count)];

    /// <summary>Valid before invalid, then the primary metric in its own direction.</summary>
    public double Rank(Elite e) => (e.IsValid ? 1e12 : 0) + _primary.Oriented(e.Fitness);

    private bool Beats(Elite challenger, Elite incumbent) => Rank(challenger) > Rank(incumbent);

    public void Restore(IEnumerable<KeyValuePair<string, Elite>> cells)
    {
        _cells.Clear();
        foreach (var (key, elite) in cells)
        {
            _cells[key] = elite;
        }
    }
}
