using System.Collections.Concurrent;
using GigaEvo.Core.Programs;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>A store that remembers when each program was added and when its evaluation completed.</summary>
internal sealed class TimedStore(IProgramStore inner) : IProgramStore
{
    public ConcurrentDictionary<Guid, DateTimeOffset> AddedAt { get; } = new();

    public ConcurrentDictionary<Guid, DateTimeOffset> CompletedAt { get; } = new();

    public string RunId => inner.RunId;

    public async Task AddAsync(EvolvedProgram program, CancellationToken ct = default)
    {
        await inner.AddAsync(program, ct);
        AddedAt[program.Id] = DateTimeOffset.UtcNow;
    }

    public Task<EvolvedProgram?> GetAsync(Guid id, CancellationToken ct = default) => inner.GetAsync(id, ct);

    public Task<IReadOnlyList<EvolvedProgram>> GetAllAsync(CancellationToken ct = default) => inner.GetAllAsync(ct);

    public Task<IReadOnlyList<Guid>> GetIdsInStateAsync(ProgramState state, CancellationToken ct = default) => inner.GetIdsInStateAsync(state, ct);

    public async Task<bool> TryTransitionAsync(Guid id, ProgramState from, ProgramState to, Func<EvolvedProgram, EvolvedProgram>? update = null, CancellationToken ct = default)
    {
        var moved = await inner.TryTransitionAsync(id, from, to, update, ct);
        if (moved && to == ProgramState.ProcessingCompleted)
        {
            CompletedAt[id] = DateTimeOffset.UtcNow;
        }
        return moved;
    }

    public Task UpdateAsync(Guid id, Func<EvolvedProgram, EvolvedProgram> update, CancellationToken ct = default) => inner.UpdateAsync(id, update, ct);

    public Task<string?> GetRunStateAsync(CancellationToken ct = default) => inner.GetRunStateAsync(ct);

    public Task SaveRunStateAsync(string json, CancellationToken ct = default) => inner.SaveRunStateAsync(json, ct);
}
