namespace GigaEvo.Core.Programs;

/// <summary>
/// Programs of one run (a namespace). Shaped after a Redis layout: a hash per program, a set per state,
/// and transitions done atomically (compare-and-set on the state). The embedded adapter persists to disk.
/// </summary>
public interface IProgramStore
{
    string RunId { get; }

    Task AddAsync(EvolvedProgram program, CancellationToken ct = default);

    Task<EvolvedProgram?> GetAsync(Guid id, CancellationToken ct = default);

    Task<IReadOnlyList<EvolvedProgram>> GetAllAsync(CancellationToken ct = default);

    Task<IReadOnlyList<Guid>> GetIdsInStateAsync(ProgramState state, CancellationToken ct = default);

    /// <summary>
    /// Atomically moves a program from <paramref name="from"/> to <paramref name="to"/>, applying
    /// <paramref name="update"/> to its other fields in the same step. Returns false, changing nothing,
    /// when the program is not in <paramref name="from"/>. Throws on a transition the lifecycle forbids.
    /// </summary>
    Task<bool> TryTransitionAsync(Guid id, ProgramState from, ProgramState to,
        Func<EvolvedProgram, EvolvedProgram>? update = null, CancellationToken ct = default);

    /// <summary>Updates fields other than the state (e.g. stage results as they arrive, children).</summary>
    Task UpdateAsync(Guid id, Func<EvolvedProgram, EvolvedProgram> update, CancellationToken ct = default);

    /// <summary>Run-level state (generation, archive, counters) as an opaque JSON document.</summary>
    Task<string?> GetRunStateAsync(CancellationToken ct = default);

    Task SaveRunStateAsync(string json, CancellationToken ct = default);
}
