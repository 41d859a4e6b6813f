using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Evolution;

/// <summary>Takes FRESH programs through the DAG with atomic state transitions, several at a time.</summary>
public sealed class ProgramEvaluator(IProgramStore store, DagRunner dag, int maxParallelPrograms)
{
    /// <summary>Evaluates every FRESH program; on cancellation the ones in flight go back to FRESH.</summary>
    public async Task<int> EvaluateFreshAsync(CancellationToken ct)
    {
        var fresh = await store.GetIdsInStateAsync(ProgramState.Fresh, ct);
        var done = 0;
        await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelPrograms), CancellationToken = ct },
            async (id, token) =>
            {
                if (await EvaluateAsync(id, token))
                {
                    Interlocked.Increment(ref done);
                }
            });
        return done;
    }

    private async Task<bool> EvaluateAsync(Guid id, CancellationToken ct)
    {
        if (!await store.TryTransitionAsync(id, ProgramState.Fresh, ProgramState.ProcessingStarted,
                p => p with { Attempts = p.Attempts + 1, Stages = [] }, ct))
        {
            return false; // another worker took it
        }
        var program = (await store.GetAsync(id, ct))!;
        DagOutcome? outcome = null;
        try
        {
            outcome = await dag.RunAsync(program, onStage: null, ct);
        }
        finally
        {
            if (outcome is null || ct.IsCancellationRequested || outcome.Results.Values.Any(r => r.Status == StageStatus.Cancelled))
            {
                // Interrupted, not judged: it will be evaluated from scratch when the run resumes.
                await store.TryTransitionAsync(id, ProgramState.ProcessingStarted, ProgramState.Fresh, null, CancellationToken.None);
            }
        }
        if (ct.IsCancellationRequested || outcome.Results.Values.Any(r => r.Status == StageStatus.Cancelled))
        {
            return false;
        }
        var metrics = outcome.Values.TryGetValue("finalize", out var final) && final is FinalMetrics f
            ? new Dictionary<string, double>(f.Values)
            : [];
        return await store.TryTransitionAsync(id, ProgramState.ProcessingStarted, ProgramState.ProcessingCompleted,
            p => p with { Metrics = metrics, Stages = new Dictionary<string, StageResult>(outcome.Results) }, CancellationToken.None);
    }
}
