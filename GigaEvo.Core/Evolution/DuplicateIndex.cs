using System.Collections.Concurrent;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Evolution;

/// <summary>
/// Normalised code (<see cref="CodeNormalizer"/>) → the program judged with it. The first program with a
/// given code is evaluated; any later one waits for it and takes its results. Seeded from the store on first
/// use, so a resumed run also recognises programs judged before the restart.
/// </summary>
internal sealed class DuplicateIndex
{
    private readonly ConcurrentDictionary<string, Task<EvolvedProgram?>> _byCode = new(StringComparer.Ordinal);
    private readonly Lazy<Task> _seeded;

    public DuplicateIndex(IProgramStore store) => _seeded = new(() => SeedAsync(store, _byCode));

    /// <summary>A claim on the program's code: either the judged original, or the duty to report this program's own result.</summary>
    public sealed class Claim(string key, TaskCompletionSource<EvolvedProgram?>? own, ConcurrentDictionary<string, Task<EvolvedProgram?>> index)
    {
        public EvolvedProgram? Original { get; init; }

        /// <summary>Publishes this program as the judged holder of its code, or withdraws (null) so the next one evaluates itself.</summary>
        public void Complete(EvolvedProgram? judged)
        {
            if (own is null)
            {
                return;
            }
            if (judged is null)
            {
                index.TryRemove(new KeyValuePair<string, Task<EvolvedProgram?>>(key, own.Task));
            }
            own.TrySetResult(judged);
        }
    }

    public async Task<Claim> ClaimAsync(EvolvedProgram program, CancellationToken ct)
    {
        await _seeded.Value.WaitAsync(ct);
        var key = CodeNormalizer.Normalize(program.Code);
        while (true)
        {
            var own = new TaskCompletionSource<EvolvedProgram?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var holder = _byCode.GetOrAdd(key, own.Task);
            if (holder == own.Task)
            {
                return new Claim(key, own, _byCode);
            }
            if (await holder.WaitAsync(ct) is { } original && original.Id != program.Id)
            {
                return new Claim(key, null, _byCode) { Original = original };
            }
            // The holder was interrupted (it withdrew): try to become the holder.
            _byCode.TryRemove(new KeyValuePair<string, Task<EvolvedProgram?>>(key, holder));
        }
    }

    private static async Task SeedAsync(IProgramStore store, ConcurrentDictionary<string, Task<EvolvedProgram?>> byCode)
    {
        var judged = (await store.GetAllAsync(CancellationToken.None))
            .Where(p => p.State is ProgramState.ProcessingCompleted or ProgramState.Evolving or ProgramState.Discarded);
        foreach (var program in judged)
        {
            byCode.TryAdd(CodeNormalizer.Normalize(program.Code), Task.FromResult<EvolvedProgram?>(program));
        }
    }
}
