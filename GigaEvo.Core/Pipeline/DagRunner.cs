using System.Collections.Concurrent;
using System.Diagnostics;
using GigaEvo.Core.Programs;

namespace GigaEvo.Core.Pipeline;

/// <summary>The values and recorded results of one program's pass through the DAG.</summary>
public sealed record DagOutcome(IReadOnlyDictionary<string, StageResult> Results, IReadOnlyDictionary<string, object> Values);

/// <summary>
/// Runs a validated DAG for one program: each stage starts as soon as its predecessors are done,
/// up to <c>maxParallelStages</c> at once; failures and skips propagate along data and on-success edges.
/// </summary>
public sealed class DagRunner(PipelineDag dag, IStageCache? cache, int maxParallelStages, TimeProvider time)
{
    private readonly IReadOnlyList<string> _order = dag.Validate();

    public IReadOnlyList<string> Order => _order;

    public async Task<DagOutcome> RunAsync(EvolvedProgram program, Action<string, StageResult>? onStage, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, maxParallelStages));
        // Concurrent: stages that already started read it while later stages are still being added.
        var tasks = new ConcurrentDictionary<string, Task<StageRun>>();
        var results = new ConcurrentDictionary<string, StageResult>();
        foreach (var name in _order)
        {
            var predecessors = dag.Predecessors(name).Select(p => tasks[p]).ToArray();
            tasks[name] = RunStageAsync(name, predecessors, tasks, gate, program, results, onStage, ct);
        }
        await Task.WhenAll(tasks.Values);
        var values = tasks.Where(t => t.Value.Result is { Status: StageStatus.Completed, Value: not null })
            .ToDictionary(t => t.Key, t => t.Value.Result.Value!);
        return new DagOutcome(results, values);
    }

    private async Task<StageRun> RunStageAsync(string name, Task<StageRun>[] predecessors,
        ConcurrentDictionary<string, Task<StageRun>> tasks, SemaphoreSlim gate, EvolvedProgram program,
        ConcurrentDictionary<string, StageResult> results,
        Action<string, StageResult>? onStage, CancellationToken ct)
    {
        await Task.WhenAll(predecessors);
        var stage = dag.Stages[name];
        var started = time.GetTimestamp();
        var run = Blocker(name, tasks) is { } reason
            ? new StageRun { Status = StageStatus.Skipped, Error = reason }
            : await ExecuteAsync(stage, Inputs(name, tasks), gate, program, ct);
        var result = new StageResult
        {
            Status = run.Status,
            DurationMs = time.GetElapsedTime(started).TotalMilliseconds,
            Error = run.Error,
            Traceback = run.Traceback,
            Stdout = run.Stdout,
            Stderr = run.Stderr,
            Summary = run.Summary,
            FromCache = run.Summary?.StartsWith("[cached]", StringComparison.Ordinal) == true,
        };
        results[name] = result;
        onStage?.Invoke(name, result);
        return run;
    }

    /// <summary>Why a stage must be skipped given its predecessors' outcomes, or null when it may run.</summary>
    private string? Blocker(string name, ConcurrentDictionary<string, Task<StageRun>> tasks)
    {
        foreach (var edge in dag.ExecutionEdges.Where(e => e.To == name))
        {
            var status = tasks[edge.From].Result.Status;
            var satisfied = edge.Condition switch
            {
                ExecutionCondition.OnSuccess => status == StageStatus.Completed,
                ExecutionCondition.OnFailure => status is StageStatus.Failed or StageStatus.TimedOut,
                _ => true,
            };
            if (!satisfied)
            {
                return $"skipped: '{edge.From}' ended {status.ToString().ToLowerInvariant()} and this stage runs {Describe(edge.Condition)} it";
            }
        }
        var stage = dag.Stages[name];
        foreach (var edge in dag.DataEdges.Where(e => e.To == name))
        {
            var optional = stage.Inputs.First(i => i.Name == edge.Input).Optional;
            if (!optional && tasks[edge.From].Result.Status != StageStatus.Completed)
            {
                return $"skipped: input '{edge.Input}' from '{edge.From}' is unavailable ({tasks[edge.From].Result.Status.ToString().ToLowerInvariant()})";
            }
        }
        return null;
    }

    private static string Describe(ExecutionCondition condition) => condition switch
    {
        ExecutionCondition.OnSuccess => "only after the success of",
        ExecutionCondition.OnFailure => "only after the failure of",
        _ => "always after",
    };

    private Dictionary<string, object> Inputs(string name, ConcurrentDictionary<string, Task<StageRun>> tasks) =>
        dag.DataEdges.Where(e => e.To == name && tasks[e.From].Result is { Status: StageStatus.Completed, Value: not null })
            .ToDictionary(e => e.Input, e => tasks[e.From].Result.Value!);

    private static StageRun Cancelled() => new() { Status = StageStatus.Cancelled, Error = "cancelled" };

    private async Task<StageRun> ExecuteAsync(IStage stage, Dictionary<string, object> inputs, SemaphoreSlim gate,
        EvolvedProgram program, CancellationToken ct)
    {
        var key = stage.Cacheable && cache is not null ? MemoryStageCache.Key(stage.Name, program.Code) : null;
        if (key is not null && cache!.TryGet(key, out var cached))
        {
            return cached with { Summary = "[cached] " + cached.Summary };
        }
        try
        {
            await gate.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // The run was cancelled while this stage waited for a slot: it is cancelled, not a crashed run.
            return Cancelled();
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(stage.Timeout);
            StageRun run;
            try
            {
                // A slot can be handed over just as the run is cancelled: start nothing new then.
                ct.ThrowIfCancellationRequested();
                run = await stage.RunAsync(new StageContext(program, inputs), timeout.Token).WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return Cancelled();
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                run = new StageRun { Status = StageStatus.TimedOut, Error = $"stage '{stage.Name}' timed out after {stage.Timeout.TotalSeconds:0.##} s" };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A stage that throws is a failed stage, not a failed run: record it and let the DAG go on.
                run = StageRun.Failure($"stage '{stage.Name}' threw {e.GetType().Name}: {e.Message}", e.ToString());
            }
            if (key is not null && run.Status is StageStatus.Completed or StageStatus.Failed)
            {
                cache!.Set(key, run);
            }
            Debug.Assert(run.Status != StageStatus.Completed || run.Value is null || stage.OutputType.IsInstanceOfType(run.Value));
            return run;
        }
        finally
        {
            gate.Release();
        }
    }
}
