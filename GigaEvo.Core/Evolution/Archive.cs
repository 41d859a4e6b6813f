using GigaEvo.Core.Configuration;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Evolution;

/// <summary>The islands of a run, with migration between them.</summary>
public sealed class Archive(EvolutionSettings settings, ProblemDefinition problem)
{
    public IReadOnlyList<Island> Islands { get; } = [.. settings.Islands.Select(i => new Island(i, problem))];

    public Elite ToElite(EvolvedProgram program) =>
        new(program.Id, program.Metrics.GetValueOrDefault(problem.Primary.Name, problem.Primary.SentinelValue), program.Metrics, program.IsValid);

    /// <summary>Offers the program to every island; true when at least one kept it.</summary>
    public bool Add(EvolvedProgram program)
    {
        var elite = ToElite(program);
        var kept = false;
        foreach (var island in Islands)
        {
            kept |= island.TryAdd(elite);
        }
        return kept;
    }

    /// <summary>Sends each island's top M to every other island; returns how many were accepted.</summary>
    public int Migrate(int count)
    {
        var emigrants = Islands.ToDictionary(i => i, i => i.Top(count));
        var accepted = 0;
        foreach (var (source, elites) in emigrants)
        {
            foreach (var target in Islands.Where(t => t != source))
            {
                accepted += elites.Count(target.TryAdd);
            }
        }
        return accepted;
    }

    public HashSet<Guid> Members() => [.. Islands.SelectMany(i => i.Elites).Select(e => e.Id)];

    public Dictionary<string, Dictionary<string, Elite>> Snapshot() =>
        Islands.ToDictionary(i => i.Name, i => i.Cells.ToDictionary(c => c.Key, c => c.Value));

    public void Restore(Dictionary<string, Dictionary<string, Elite>> snapshot)
    {
        foreach (var island in Islands)
        {
            if (snapshot.TryGetValue(island.Name, out var cells))
            {
                island.Restore(cells);
            }
        }
    }
}
