using GigaEvo.Core.Artifacts;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Export;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Mutation;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GigaEvo.Core.Experiments;

/// <summary>
/// Runs an experiment's engine in its run folder, like the CLI's <see cref="RunExecutor"/>, but with the
/// engine's generation events wired to <see cref="RunProgress"/> (the executor builds its engine inside).
/// </summary>
public sealed class ExperimentRun(
    IDbContextFactory<PlatformDbContext> dbFactory,
    IArtifactStore artifacts,
    IProblemLoader loader,
    IPythonRunner python,
    PythonInfo pythonInfo,
    INotifier<ExperimentEvent> notifier,
    IOptions<PlatformOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public async Task<RunResult> ExecuteAsync(Experiment experiment, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("GigaEvo.Run." + experiment.Id);
        var runDir = artifacts.LocalPath(experiment.RunKey ?? throw new InvalidOperationException($"experiment {experiment.Id} has no run folder"));
        Directory.CreateDirectory(runDir);
        var problem = await loader.LoadAsync(artifacts.LocalPath(experiment.ProblemKey), ct);
        var overrides = ExperimentOverrides.ForRun(experiment, problem.Directory, runDir, options.Value);
        var config = ConfigComposer.Compose(GigaEvoPaths.RequirePresetsDirectory(), overrides);
        if (MlRunDefaults.Apply(config.Settings, problem, overrides) is var adjusted && adjusted != config.Settings)
        {
            config = config with { Tree = ConfigComposer.FromSettings(adjusted).Tree, Settings = adjusted };
        }
        var settings = config.Settings;
        config.WriteTo(Path.Combine(runDir, "config.yaml"));
        logger.LogInformation("Experiment {Id} run {Run}: problem {Problem}, preset {Preset}, {Generations} generations, folder {RunDir}",
            experiment.Id, experiment.RunNumber, problem.Name, config.Preset, settings.MaxGenerations, runDir);
        var store = FileProgramStore.Open(RunFolder.StoreDirectory(runDir), $"{experiment.Id}-{experiment.RunNumber}");
        var mutator = MutationOperators.Create(settings, problem, logger, time: time);
        var engine = new EvolutionEngine(settings, problem, store, python, mutator, runDir, time, logger);
        var progress = new RunProgress(experiment.Id, settings.MaxGenerations, problem, store, dbFactory, notifier, time, logger);
        engine.GenerationCompleted += progress.Post;
        var consuming = progress.ConsumeAsync();
        RunResult result;
        try
        {
            result = await engine.RunAsync(ct);
        }
        finally
        {
            progress.Complete();
            await consuming;
            (mutator as IDisposable)?.Dispose();
        }
        await RunExecutor.FinishAsync(config, problem, runDir, result, pythonInfo.GetVersionsAsync, logger);
        if (result.Stopped)
        {
            return result;
        }
        logger.LogInformation("Experiment {Id} finished: best {Metric} {Best}, {Valid}/{Total} valid programs",
            experiment.Id, problem.Primary.Name, result.Best?.Metrics[problem.Primary.Name], result.ProgramsValid, result.ProgramsTotal);
        return result;
    }
}
