using GigaEvo.Core.Configuration;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation;

/// <summary>
/// What a mutation operator gets: the problem, the chosen parents (the first is the one edited; the others
/// are inspirations), a seeded RNG, and the run's programs by id (to follow a parent's lineage), when known.
/// </summary>
public sealed record MutationRequest(ProblemDefinition Problem, IReadOnlyList<EvolvedProgram> Parents, MutationSettings Settings, Random Random,
    IReadOnlyDictionary<Guid, EvolvedProgram>? Programs = null);

/// <summary>A child's code and how it was made (recorded in its lineage).</summary>
public sealed record MutationResult(string Code, string Kind, string? Model = null, string? Note = null);

/// <summary>
/// The seam between evolution and whatever writes new code: the local operator or the LLM agent.
/// Returns null when no child could be made (counted as a failed mutation).
/// </summary>
public interface IMutationOperator
{
    string Name { get; }

    Task<MutationResult?> MutateAsync(MutationRequest request, CancellationToken ct);
}

/// <summary>
/// Thrown by an operator that may not spend any more (an LLM budget is used up): the slot is skipped,
/// not counted as a failed mutation, and the run stops after the generation with <see cref="Exception.Message"/> as the reason.
/// </summary>
public sealed class MutationBudgetSpentException(string reason) : Exception(reason);
