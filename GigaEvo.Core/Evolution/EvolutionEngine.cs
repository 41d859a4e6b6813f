using System.Diagnostics;
using System.Text.Json;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Evolution;

/// <summary>
/// The generation loop. Each generation: make children (idempotently: counted per island), evaluate
/// every FRESH program, archive the results, migrate, report. The run state is saved at each phase so a
/// killed run resumes where it stopped, with no finished program evaluated twice.
/// </summary>
public sealed class EvolutionEngine(
    EvolutionSettings settings,
    ProblemDefinition problem,
    IProgramStore store,
    IPythonRunner runner,
    IMutationOperator mutator,
    string runDirectory,
    TimeProvider time,
    ILogger logger)
{
    private readonly Archive _archive = new(settings, problem);
    private readonly MemoryStageCache _cache = new();
    private readonly ChildFactory _children = new(settings, problem, store, mutator, time);
    private readonly ILlmAgent? _agent = mutator as ILlmAgent;

    public event Action<GenerationReport>? GenerationCompleted;

    public async Task<RunResult> RunAsync(CancellationToken ct)
    {
        var state = await LoadStateAsync() with { StopReason = null };
        var recovered = await RecoverAsync();
        await ObserveAsync((await store.GetAllAsync(ct)).Where(p => p.State is ProgramState.Evolving or ProgramState.Discarded));
        var env = new EvaluationEnvironment(problem, Path.Combine(runDirectory, "workspaces"),
            await RunContext.EnsureAsync(problem, runDirectory, runner, ct), settings.Pipeline, runner);
        using var evaluator = new ProgramEvaluator(store, new DagRunner(EvaluationPipeline.Build(env, _agent?.InsightsStage), settings.Pipeline.Cache ? _cache : null,
            settings.MaxParallelStages, time), settings.MaxParallelPrograms);
        logger.LogInformation("Mutation operator: {Operator}", mutator.Name);
        var stopped = false;
        try
        {
            while (true)
            {
                if (state.Phase == RunPhase.Evaluating)
                {
                    state = await RunGenerationAsync(state, evaluator, ct);
                }
                if (state.Generation >= settings.MaxGenerations)
                {
                    break;
                }
                if (_agent?.Ledger.BudgetStopReason is { } spent)
                {
                    // A clean end, not an interruption: results and the export bundle are written as usual.
                    state = state with { StopReason = spent };
                    await SaveStateAsync(state);
                    logger.LogWarning("Stopping after generation {Generation}: {Reason}", state.Generation, spent);
                    break;
                }
                state = state with { Generation = state.Generation + 1, Phase = RunPhase.Evaluating };
                await SaveStateAsync(state);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stopped = true;
            logger.LogWarning("Stopped at generation {Generation}; state saved, run again with the same run folder to resume", state.Generation);
        }
        var result = await ResultAsync(state, recovered, stopped);
        if (!stopped && result.Best is { } best && problem.HasHoldoutContext)
        {
            var holdout = await HoldoutEvaluation.EvaluateAsync(problem, best, runDirectory, runner, settings.Pipeline, time, ct);
            logger.LogInformation("Hold-out {Metric} of the best program: {Value} (search: {Search}){Error}", problem.Primary.Name,
                holdout?.Metrics?.GetValueOrDefault(problem.Primary.Name), best.Metrics[problem.Primary.Name], holdout?.Error is { } e ? " — " + e : "");
            result = result with { Holdout = holdout };
        }
        return result;
    }

    private async Task<RunState> RunGenerationAsync(RunState state, ProgramEvaluator evaluator, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        ChildCounts made;
        try
        {
            made = state.Generation == 0 ? new ChildCounts(0, 0)
                : await _children.MakeAsync(state.Generation, _archive.Islands, id => evaluator.Start(id, ct), ct);
        }
        catch
        {
            // Children already handed to the evaluator finish (or go back to FRESH) before the failure propagates.
            await evaluator.SettleStartedAsync();
            throw;
        }
        var evaluated = await evaluator.EvaluateFreshAsync(ct);
        ct.ThrowIfCancellationRequested();
        var completed = (await store.GetIdsInStateAsync(ProgramState.ProcessingCompleted, ct)).ToList();
        var programs = new List<EvolvedProgram>();
        foreach (var id in completed)
        {
            var program = (await store.GetAsync(id, ct))!;
            programs.Add(program);
            _archive.Add(program);
        }
        if (settings.Migration.Interval > 0 && state.Generation > 0 && state.Generation % settings.Migration.Interval == 0 && _archive.Islands.Count > 1)
        {
            logger.LogInformation("Generation {Generation}: migration accepted {Count} programs", state.Generation, _archive.Migrate(settings.Migration.Count));
        }
        await ObserveAsync(programs);
        var usage = _agent?.Ledger.Snapshot();
        var report = Report(state.Generation, programs, evaluated, watch.Elapsed) with { Tokens = usage?.TotalTokens, Cost = usage?.Cost };
        // The archive is saved before programs change state: a crash in between re-adds them, which is a no-op.
        state = state with
        {
            Islands = _archive.Snapshot(),
            Phase = RunPhase.Done,
            History = [.. state.History.Where(h => h.Generation != report.Generation), report],
            FailedMutations = state.FailedMutations + made.Failed,
        };
        await SaveStateAsync(state);
        var members = _archive.Members();
        foreach (var program in programs)
        {
            await store.TryTransitionAsync(program.Id, ProgramState.ProcessingCompleted,
                members.Contains(program.Id) ? ProgramState.Evolving : ProgramState.Discarded, null, CancellationToken.None);
        }
        logger.LogInformation("{Line}", ProgressLine.Format(report, settings.MaxGenerations, problem.Primary));
        GenerationCompleted?.Invoke(report);
        return state;
    }

    /// <summary>Tells an LLM agent how the children its models made compare with their parents (the bandit learns from it).</summary>
    private async Task ObserveAsync(IEnumerable<EvolvedProgram> programs)
    {
        if (_agent is null)
        {
            return;
        }
        foreach (var child in programs.Where(p => p.Lineage.Model is not null && p.Lineage.Parents.Count > 0 && p.Metrics.Count > 0))
        {
            if (await store.GetAsync(child.Lineage.Parents[0]) is { } parent)
            {
                _agent.Observe(child, parent);
            }
        }
    }

    private GenerationReport Report(int generation, List<EvolvedProgram> programs, int evaluated, TimeSpan elapsed)
    {
        var primary = problem.Primary;
        var valid = programs.Where(p => p.IsValid).Select(p => p.Metrics[primary.Name]).ToList();
        var best = _archive.Islands.SelectMany(i => i.Elites).Where(e => e.IsValid).Select(e => e.Fitness)
            .DefaultIfEmpty(double.NaN).MaxBy(primary.Oriented);
        return new GenerationReport(generation, double.IsNaN(best) ? null : best, valid.Count > 0 ? valid.Average() : null,
            valid.Count, programs.Count - valid.Count, programs.Count,
            elapsed.TotalSeconds > 0 ? evaluated / elapsed.TotalSeconds : 0, elapsed.TotalSeconds);
    }

    private async Task<RunState> LoadStateAsync()
    {
        if (await store.GetRunStateAsync() is { } json)
        {
            var state = JsonSerializer.Deserialize(json, RunStateJson.Default.RunState)!;
            _archive.Restore(state.Islands);
            _agent?.Ledger.Restore(state.Llm);
            logger.LogInformation("Resuming at generation {Generation} ({Phase})", state.Generation, state.Phase);
            return state;
        }
        var now = time.GetUtcNow();
        foreach (var initial in problem.InitialPrograms)
        {
            await store.AddAsync(new EvolvedProgram
            {
                Id = Guid.NewGuid(),
                Code = initial.Code,
                CreatedAt = now,
                UpdatedAt = now,
                Lineage = new Lineage { Generation = 0, MutationKind = "initial", Note = initial.Name },
            });
        }
        var fresh = new RunState { Generation = 0, Phase = RunPhase.Evaluating };
        await SaveStateAsync(fresh);
        return fresh;
    }

    /// <summary>Programs caught mid-processing by a crash go back to FRESH and run again.</summary>
    private async Task<int> RecoverAsync()
    {
        var stuck = await store.GetIdsInStateAsync(ProgramState.ProcessingStarted);
        foreach (var id in stuck)
        {
            await store.TryTransitionAsync(id, ProgramState.ProcessingStarted, ProgramState.Fresh);
        }
        if (stuck.Count > 0)
        {
            logger.LogWarning("Recovered {Count} program(s) interrupted mid-processing; they return to FRESH", stuck.Count);
        }
        return stuck.Count;
    }

    private Task SaveStateAsync(RunState state) =>
        store.SaveRunStateAsync(JsonSerializer.Serialize(state with { Llm = _agent?.Ledger.Snapshot() }, RunStateJson.Default.RunState));

    private async Task<RunResult> ResultAsync(RunState state, int recovered, bool stopped)
    {
        var programs = await store.GetAllAsync();
        var primary = problem.Primary;
        var judged = programs.Where(p => p.State is ProgramState.Evolving or ProgramState.Discarded or ProgramState.ProcessingCompleted).ToList();
        var initial = judged.Where(p => p.Lineage.Generation == 0 && p.IsValid).Select(p => p.Metrics[primary.Name]).ToList();
        return new RunResult
        {
            Best = judged.Where(p => p.IsValid).MaxBy(p => primary.Oriented(p.Metrics[primary.Name])),
            BestInitialFitness = initial.Count > 0 ? initial.MaxBy(primary.Oriented) : null,
            Generations = state.Phase == RunPhase.Done ? state.Generation : state.Generation - 1,
            ProgramsTotal = judged.Count,
            ProgramsValid = judged.Count(p => p.IsValid),
            FailedMutations = state.FailedMutations,
            DuplicatePrograms = judged.Count(p => p.DuplicateOf is not null),
            Llm = _agent?.Ledger.Snapshot(),
            StopReason = state.StopReason,
            Recovered = recovered,
            Stopped = stopped,
            History = state.History,
            Programs = programs,
        };
    }
}
