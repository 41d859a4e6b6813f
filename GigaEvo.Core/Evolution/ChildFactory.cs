using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Evolution;

/// <summary>Children made for one generation: slots that produced nothing, and slots left undone because an LLM budget was spent.</summary>
public sealed record ChildCounts(int Failed, int SkippedForBudget);

/// <summary>
/// Makes the children of a generation still missing (a resumed run may have some), all slots at once: an
/// LLM operator bounds its own parallel requests. Each child is handed to <c>onChild</c> as soon as it is
/// stored, so its evaluation starts while slower mutations are still being written.
/// </summary>
internal sealed class ChildFactory(EvolutionSettings settings, ProblemDefinition problem, IProgramStore store, IMutationOperator mutator, TimeProvider time)
{
    public async Task<ChildCounts> MakeAsync(int generation, IReadOnlyList<Island> islands, Action<Guid> onChild, CancellationToken ct)
    {
        var all = await store.GetAllAsync(ct);
        var byId = all.ToDictionary(p => p.Id);
        var slots = new List<Task<SlotOutcome>>();
        foreach (var island in islands)
        {
            var existing = all.Count(p => p.Lineage.Generation == generation && p.Lineage.Island == island.Name);
            var elites = island.Elites.Where(e => byId.ContainsKey(e.Id)).ToList();
            if (elites.Count == 0)
            {
                continue;
            }
            var selector = ParentSelection.For(island.Settings);
            for (var slot = existing; slot < settings.ProgramsPerGeneration; slot++)
            {
                // One RNG per (seed, generation, island, slot), the same in every process (HashCode is not:
                // it is randomised per process), so a rerun or a resumed run makes the same choices. The draws
                // (parents, then the operator's model and mode) happen here in slot order.
                var rng = new Random(SlotSeed(settings.Seed, generation, island.Name, slot));
                var parents = Parents(selector, elites, island, rng, byId);
                var mutation = mutator.MutateAsync(new MutationRequest(problem, parents, settings.Mutation, rng, byId), ct);
                slots.Add(StoreAsync(mutation, parents[0], generation, island.Name, onChild, ct));
            }
        }
        var outcomes = await Task.WhenAll(slots);
        return new ChildCounts(outcomes.Count(o => o == SlotOutcome.Failed), outcomes.Count(o => o == SlotOutcome.BudgetSpent));
    }

    private enum SlotOutcome
    {
        Made,
        Failed,
        BudgetSpent,
    }

    /// <summary>FNV-1a over the slot's coordinates: stable across processes and platforms.</summary>
    public static int SlotSeed(int seed, int generation, string island, int slot)
    {
        var hash = 2166136261u;
        foreach (var c in $"{seed}|{generation}|{island}|{slot}")
        {
            hash = (hash ^ c) * 16777619u;
        }
        return unchecked((int)hash);
    }

    /// <summary>The parent, then up to <c>mutation.inspirations</c> other elites (only an LLM agent shows them).</summary>
    private List<EvolvedProgram> Parents(IParentSelector selector, List<Elite> elites, Island island, Random rng, Dictionary<Guid, EvolvedProgram> byId)
    {
        var parents = new List<EvolvedProgram> { byId[selector.Select(elites, island.Rank, rng).Id] };
        var wanted = mutator is ILlmAgent ? Math.Min(settings.Mutation.Inspirations, elites.Count - 1) : 0;
        for (var tries = 0; parents.Count < wanted + 1 && tries < 10 * (wanted + 1); tries++)
        {
            var pick = byId[selector.Select(elites, island.Rank, rng).Id];
            if (parents.All(p => p.Id != pick.Id))
            {
                parents.Add(pick);
            }
        }
        return parents;
    }

    private async Task<SlotOutcome> StoreAsync(Task<MutationResult?> mutation, EvolvedProgram parent, int generation, string island, Action<Guid> onChild, CancellationToken ct)
    {
        MutationResult? child;
        try
        {
            child = await mutation;
        }
        catch (MutationBudgetSpentException)
        {
            return SlotOutcome.BudgetSpent;
        }
        if (child is null)
        {
            return SlotOutcome.Failed;
        }
        var now = time.GetUtcNow();
        var program = new EvolvedProgram
        {
            Id = Guid.NewGuid(),
            Code = child.Code,
            CreatedAt = now,
            UpdatedAt = now,
            Lineage = new Lineage { Parents = [parent.Id], Generation = generation, MutationKind = child.Kind, Model = child.Model, Note = child.Note, Island = island },
        };
        await store.AddAsync(program, ct);
        await store.UpdateAsync(parent.Id, p => p with { Lineage = p.Lineage with { Children = [.. p.Lineage.Children, program.Id] } }, ct);
        onChild(program.Id);
        return SlotOutcome.Made;
    }
}
