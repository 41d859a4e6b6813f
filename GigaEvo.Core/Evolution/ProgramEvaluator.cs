using GigaEvo.Core.Mutation.Llm.Insights;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Evolution;

/// <summary>
/// Takes FRESH programs through the DAG with atomic state transitions, at most <c>maxParallelPrograms</c>
/// at a time. A program whose code equals an already judged one (after normalising whitespace and comments)
/// is not evaluated again: it takes that program's results.
/// </summary>
public sealed class ProgramEvaluator(IProgramStore store, DagRunner dag, int maxParallelPrograms) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxParallelPrograms));
    private readonly DuplicateIndex _duplicates = new(store);
    private readonly Lock _lock = new();
    private readonly List<Task<bool>> _started = [];

    /// <summary>Starts evaluating one program now (e.g. a child just made); <see cref="EvaluateFreshAsync"/> waits for it.</summary>
    public void Start(Guid id, CancellationToken ct)
    {
        lock (_lock)
        {
            _started.Add(EvaluateAsync(id, ct));
        }
    }

    /// <summary>Waits for the started evaluations whatever their outcome (used while another failure propagates).</summary>
    public async Task SettleStartedAsync()
    {
        Task[] started;
        lock (_lock)
        {
            started = [.. _started];
        }
        await Task.WhenAll(started).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Waits for the started evaluations, then evaluates every FRESH program left; on cancellation the ones in flight go back to FRESH.</summary>
    public async Task<int> EvaluateFreshAsync(CancellationToken ct)
    {
        Task<bool>[] started;
        lock (_lock)
        {
            started = [.. _started];
            _started.Clear();
        }
        var done = (await Task.WhenAll(started)).Count(d => d);
        var fresh = await store.GetIdsInStateAsync(ProgramState.Fresh, ct);
        return done + (await Task.WhenAll(fresh.Select(id => EvaluateAsync(id, ct)))).Count(d => d);
    }

    private async Task<bool> EvaluateAsync(Guid id, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await EvaluateInSlotAsync(id, ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<bool> EvaluateInSlotAsync(Guid id, CancellationToken ct)
    {
        if (!await store.TryTransitionAsync(id, ProgramState.Fresh, ProgramState.ProcessingStarted,
                p => p with { Attempts = p.Attempts + 1, Stages = [] }, ct))
        {
            return false; // another worker took it
        }
        var program = (await store.GetAsync(id, ct))!;
        DuplicateIndex.Claim? claim = null;
        EvolvedProgram? judged = null;
        var finished = false;
        try
        {
            claim = await _duplicates.ClaimAsync(program, ct);
            if (claim.Original is { } original)
            {
                finished = true;
                return await store.TryTransitionAsync(id, ProgramState.ProcessingStarted, ProgramState.ProcessingCompleted,
                    p => p with
                    {
                        Metrics = new Dictionary<string, double>(original.Metrics),
                        Stages = original.Stages.ToDictionary(s => s.Key, s => s.Value with { FromCache = true }),
                        Insights = original.Insights,
                        DuplicateOf = original.Id,
                    }, CancellationToken.None);
            }
            var outcome = await dag.RunAsync(program, onStage: null, ct);
            if (ct.IsCancellationRequested || outcome.Results.Values.Any(r => r.Status == StageStatus.Cancelled))
            {
                return false;
            }
            var metrics = outcome.Values.TryGetValue("finalize", out var final) && final is FinalMetrics f
                ? new Dictionary<string, double>(f.Values)
                : [];
            var insights = outcome.Values.TryGetValue(InsightsStage.StageName, out var i) && i is ProgramInsights pi ? pi.Items : [];
            finished = true;
            var completed = await store.TryTransitionAsync(id, ProgramState.ProcessingStarted, ProgramState.ProcessingCompleted,
                p => p with { Metrics = metrics, Stages = new Dictionary<string, StageResult>(outcome.Results), Insights = insights }, CancellationToken.None);
            judged = completed ? await store.GetAsync(id, CancellationToken.None) : null;
            return completed;
        }
        finally
        {
            claim?.Complete(judged);
            if (!finished)
            {
                // Interrupted, not judged: it will be evaluated from scratch when the run resumes.
                await store.TryTransitionAsync(id, ProgramState.ProcessingStarted, ProgramState.Fresh, null, CancellationToken.None);
            }
        }
    }

    public void Dispose() => _slots.Dispose();
}
