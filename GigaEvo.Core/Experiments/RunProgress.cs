using System.Threading.Channels;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// Turns the engine's <see cref="EvolutionEngine.GenerationCompleted"/> (raised synchronously inside the
/// loop) into persisted summary numbers and live events, in order, on its own task so the engine never waits
/// on the database or on watchers.
/// </summary>
public sealed class RunProgress(
    string experimentId,
    int maxGenerations,
    ProblemDefinition problem,
    IProgramStore store,
    IDbContextFactory<PlatformDbContext> dbFactory,
    INotifier<ExperimentEvent> notifier,
    TimeProvider time,
    ILogger logger)
{
    private readonly Channel<GenerationReport> _reports = Channel.CreateUnbounded<GenerationReport>(new UnboundedChannelOptions { SingleReader = true });
    private Guid? _bestId;

    public void Post(GenerationReport report) => _reports.Writer.TryWrite(report);

    /// <summary>Processes reports until <see cref="Complete"/>; the run awaits it before writing its final status.</summary>
    public async Task ConsumeAsync()
    {
        _bestId = await CurrentBestIdAsync();
        await foreach (var report in _reports.Reader.ReadAllAsync())
        {
            await HandleAsync(report);
        }
    }

    public void Complete() => _reports.Writer.TryComplete();

    private async Task HandleAsync(GenerationReport report)
    {
        var programs = await store.GetAllAsync();
        var judged = programs.Where(RunFolder.IsJudged).ToList();
        var best = RunFolder.Best(judged, problem.Primary);
        var valid = judged.Count(p => p.IsValid);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == experimentId);
            if (experiment is null)
            {
                return; // deleted while running
            }
            var s = experiment.Summary;
            s.GenerationsDone = report.Generation;
            s.BestMetric = best?.Metrics[problem.Primary.Name];
            s.BestGeneration = best?.Lineage.Generation;
            s.BestProgramId = best?.Id.ToString();
            s.ProgramsTotal = judged.Count;
            s.ProgramsValid = valid;
            s.ProgramsInvalid = judged.Count - valid;
            s.Tokens = report.Tokens ?? s.Tokens;
            s.Cost = report.Cost ?? s.Cost;
            experiment.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Experiment {Id} changed status during generation {Generation}; its summary is written at the end", experimentId, report.Generation);
            }
        }
        var now = time.GetUtcNow();
        await notifier.PublishAsync(new GenerationSummary(experimentId, now, report.Generation, maxGenerations, report.BestFitness,
            report.MeanFitness, report.Valid, report.Invalid, judged.Count, valid, report.Seconds, report.Tokens, report.Cost));
        if (best is not null && best.Id != _bestId)
        {
            _bestId = best.Id;
            await notifier.PublishAsync(new NewBestProgram(experimentId, now, best.Id, best.Lineage.Generation, best.Metrics[problem.Primary.Name]));
        }
    }

    private async Task<Guid?> CurrentBestIdAsync() => RunFolder.Best(await store.GetAllAsync(), problem.Primary)?.Id;
}
