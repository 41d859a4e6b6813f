using GigaEvo.Core.Configuration;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Mutation;

/// <summary>What a mutation operator gets: the problem, the chosen parents (first is the main one), a seeded RNG.</summary>
public sealed record MutationRequest(ProblemDefinition Problem, IReadOnlyList<EvolvedProgram> Parents, MutationSettings Settings, Random Random);

/// <summary>A child's code and how it was made (recorded in its lineage).</summary>
public sealed record MutationResult(string Code, string Kind, string? Model = null, string? Note = null);

/// <summary>
/// The seam between evolution and whatever writes new code: the local operator here, an LLM agent later.
/// Returns null when no child could be made (counted as a failed mutation).
/// </summary>
public interface IMutationOperator
{
    string Name { get; }

    Task<MutationResult?> MutateAsync(MutationRequest request, CancellationToken ct);
}
