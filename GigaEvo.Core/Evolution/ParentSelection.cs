using GigaEvo.Core.Configuration;

namespace GigaEvo.Core.Evolution;

/// <summary>How an island picks parents among its elites.</summary>
public interface IParentSelector
{
    Elite Select(IReadOnlyList<Elite> elites, Func<Elite, double> rank, Random rng);
}

public static class ParentSelection
{
    public static IParentSelector For(IslandSettings island) => island.Selection switch
    {
        "uniform" => new UniformSelector(),
        "fitness_proportional" => new FitnessProportionalSelector(),
        "tournament" => new TournamentSelector(Math.Max(1, island.TournamentSize)),
        var other => throw new ArgumentException($"unknown selection strategy '{other}' (use fitness_proportional, tournament or uniform)"),
    };
}

public sealed class UniformSelector : IParentSelector
{
    public Elite Select(IReadOnlyList<Elite> elites, Func<Elite, double> rank, Random rng) => elites[rng.Next(elites.Count)];
}

/// <summary>Roulette wheel over ranks shifted so the worst elite still has a small chance.</summary>
public sealed class FitnessProportionalSelector : IParentSelector
{
    public Elite Select(IReadOnlyList<Elite> elites, Func<Elite, double> rank, Random rng)
    {
        var ranks = elites.Select(rank).ToArray();
        var min = ranks.Min();
        var spread = Math.Max(ranks.Max() - min, 1e-12);
        var weights = ranks.Select(r => (r - min) / spread + 0.05).ToArray();
        var pick = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick <= 0)
            {
                return elites[i];
            }
        }
        return elites[^1];
    }
}

public sealed class TournamentSelector(int size) : IParentSelector
{
    public Elite Select(IReadOnlyList<Elite> elites, Func<Elite, double> rank, Random rng) =>
        Enumerable.Range(0, size).Select(_ => elites[rng.Next(elites.Count)]).MaxBy(rank)!;
}
