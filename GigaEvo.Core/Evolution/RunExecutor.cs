using GigaEvo.Core.Configuration;
using GigaEvo.Core.Export;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Mutation;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Core.Evolution;

/// <summary>
/// One run into a run folder: the engine on the embedded store, then the results (summary, CSV, best
/// program, export bundle) and the clean-up of scratch workspaces. Shared by the CLI verbs.
/// </summary>
public static class RunExecutor
{
    public static async Task<RunResult> ExecuteAsync(ComposedConfig config, ProblemDefinition problem, string runDir,
        IPythonRunner runner, string interpreter, ILogger logger, CancellationToken ct)
    {
        var settings = config.Settings;
        config.WriteTo(Path.Combine(runDir, "config.yaml"));
        logger.LogInformation("Run folder: {RunDir}", runDir);
        logger.LogInformation("Problem {Problem} ({Count} initial programs), preset {Preset}, {Generations} generations",
            problem.Name, problem.InitialPrograms.Count, config.Preset, settings.MaxGenerations);
        var store = FileProgramStore.Open(Path.Combine(runDir, "store"), Path.GetFileName(runDir));
        var mutator = MutationOperators.Create(settings, problem, logger);
        RunResult result;
        try
        {
            result = await new EvolutionEngine(settings, problem, store, runner, mutator, runDir, TimeProvider.System, logger).RunAsync(ct);
        }
        finally
        {
            (mutator as IDisposable)?.Dispose();
        }
        await FinishAsync(config, problem, runDir, result, ct => PythonVersions.GetAsync(interpreter, ct), logger);
        if (result.Stopped)
        {
            return result;
        }
        var primary = problem.Primary;
        logger.LogInformation("Best {Metric}: {Best} (initial best {Initial}) — program {Id}; {Valid}/{Total} valid programs; outputs in {RunDir}",
            primary.Name, result.Best?.Metrics[primary.Name], result.BestInitialFitness, result.Best?.Id, result.ProgramsValid, result.ProgramsTotal, runDir);
        return result;
    }

    /// <summary>
    /// What follows every run, whoever started it: summary, CSV and best program; when it ran to the end, the
    /// export bundle and the removal of the evaluations' scratch workspaces.
    /// </summary>
    public static async Task FinishAsync(ComposedConfig config, ProblemDefinition problem, string runDir, RunResult result,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, string>>> versions, ILogger logger)
    {
        RunOutputs.Write(runDir, result, problem);
        if (result.Stopped)
        {
            return;
        }
        if (result.Best is not null)
        {
            var files = ExportBundle.Write(Path.Combine(runDir, "export"), problem, result, config.ToYaml(), await versions(CancellationToken.None));
            logger.LogInformation("Export bundle: {Folder} ({Files})", Path.Combine(runDir, "export"), string.Join(", ", files));
        }
        // Scratch space of evaluations; the store keeps everything the results need.
        var workspaces = Path.Combine(runDir, "workspaces");
        if (Directory.Exists(workspaces))
        {
            Directory.Delete(workspaces, recursive: true);
        }
    }
}
