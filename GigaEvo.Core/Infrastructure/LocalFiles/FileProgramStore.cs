using System.Text.Json;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Infrastructure.LocalFiles;

/// <summary>
/// Embedded program store: one JSON file per program plus a run-state file, each replaced atomically
/// (write, flush, rename), so a <c>kill -9</c> at any moment leaves either the old or the new version.
/// All programs are held in memory; one lock serialises writers, which also makes transitions atomic.
/// </summary>
public sealed class FileProgramStore : IProgramStore
{
    private readonly string _programsDir;
    private readonly string _runStatePath;
    private readonly Dictionary<Guid, EvolvedProgram> _programs = [];
    private readonly Lock _lock = new();

    private FileProgramStore(string directory, string runId)
    {
        RunId = runId;
        _programsDir = Path.Combine(directory, "programs");
        _runStatePath = Path.Combine(directory, "run_state.json");
        Directory.CreateDirectory(_programsDir);
    }

    public string RunId { get; }

    /// <summary>Opens (or creates) the store in <paramref name="directory"/>, loading what a previous process left.</summary>
    public static FileProgramStore Open(string directory, string runId)
    {
        var store = new FileProgramStore(directory, runId);
        foreach (var file in Directory.EnumerateFiles(store._programsDir, "*.json"))
        {
            var program = JsonSerializer.Deserialize(File.ReadAllText(file), ProgramJson.Default.EvolvedProgram)
                ?? throw new InvalidDataException($"program file {file} is empty");
            store._programs[program.Id] = program;
        }
        foreach (var tmp in Directory.EnumerateFiles(store._programsDir, "*.tmp"))
        {
            File.Delete(tmp); // a write interrupted before its rename: the previous version stands
        }
        return store;
    }

    public Task AddAsync(EvolvedProgram program, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_programs.ContainsKey(program.Id))
            {
                throw new InvalidOperationException($"program {program.Id} already exists");
            }
            Persist(program);
            _programs[program.Id] = program;
        }
        return Task.CompletedTask;
    }

    public Task<EvolvedProgram?> GetAsync(Guid id, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_programs.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<EvolvedProgram>> GetAllAsync(CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<EvolvedProgram>>([.. _programs.Values.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)]);
        }
    }

    public Task<IReadOnlyList<Guid>> GetIdsInStateAsync(ProgramState state, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Guid>>([.. _programs.Values.Where(p => p.State == state).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id)]);
        }
    }

    public Task<bool> TryTransitionAsync(Guid id, ProgramState from, ProgramState to,
        Func<EvolvedProgram, EvolvedProgram>? update = null, CancellationToken ct = default)
    {
        if (!ProgramStates.CanMove(from, to))
        {
            throw new InvalidOperationException($"transition {from.ToKey()} -> {to.ToKey()} is not allowed");
        }
        lock (_lock)
        {
            if (!_programs.TryGetValue(id, out var current) || current.State != from)
            {
                return Task.FromResult(false);
            }
            var next = (update?.Invoke(current) ?? current) with { State = to, UpdatedAt = DateTimeOffset.UtcNow };
            Persist(next);
            _programs[id] = next;
            return Task.FromResult(true);
        }
    }

    public Task UpdateAsync(Guid id, Func<EvolvedProgram, EvolvedProgram> update, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var current = _programs.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException($"program {id} not found");
            var next = update(current) with { State = current.State, UpdatedAt = DateTimeOffset.UtcNow };
            Persist(next);
            _programs[id] = next;
        }
        return Task.CompletedTask;
    }

    public async Task<string?> GetRunStateAsync(CancellationToken ct = default) =>
        File.Exists(_runStatePath) ? await File.ReadAllTextAsync(_runStatePath, ct) : null;

    public Task SaveRunStateAsync(string json, CancellationToken ct = default)
    {
        lock (_lock)
        {
            AtomicFile.Write(_runStatePath, json);
        }
        return Task.CompletedTask;
    }

    private void Persist(EvolvedProgram program) =>
        AtomicFile.Write(Path.Combine(_programsDir, program.Id.ToString("N") + ".json"),
            JsonSerializer.Serialize(program, ProgramJson.Default.EvolvedProgram));
}
