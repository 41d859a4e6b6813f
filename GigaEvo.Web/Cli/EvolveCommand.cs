using System.Globalization;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Export;
using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Mutation;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Cli;

/// <summary>
/// <c>evolve key=value…</c>: runs a problem directory headless into <c>outputs/YYYY-MM-DD/HH-MM-SS/</c>
/// (or <c>output.run_dir=</c>, which resumes the run found there).
/// </summary>
internal static class EvolveCommand
{
    public static async Task<int> RunAsync(string[] overrides)
    {
        ComposedConfig config;
        try
        {
            config = ConfigComposer.Compose(GigaEvoPaths.RequirePresetsDirectory(), overrides);
        }
        catch (ConfigurationException e)
        {
            return CliHost.Fail(e.Message);
        }
        var settings = config.Settings;
        if (ResolveProblemDirectory(settings.Problem) is not { } problemDir)
        {
            return CliHost.Fail(settings.Problem.Name is null && settings.Problem.Dir is null
                ? "no problem given: pass problem.name=NAME (a folder of problems/) or problem.dir=PATH"
                : $"problem not found: {settings.Problem.Dir ?? settings.Problem.Name} (looked in {settings.Problem.Dir ?? GigaEvoPaths.FindProblemsDirectory() ?? "problems/"})");
        }
        var runDir = Path.GetFullPath(settings.Output.RunDir ?? Path.Combine(settings.Output.Root,
            DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateTime.Now.ToString("HH-mm-ss", CultureInfo.InvariantCulture)));
        Directory.CreateDirectory(runDir);
        using var host = CliHost.Build(Path.Combine(runDir, "run.log"));
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GigaEvo.Evolve");
        ProblemDefinition problem;
        try
        {
            var options = host.Services.GetRequiredService<IOptions<PythonOptions>>();
            problem = await new ProblemLoader(new PythonCodeInspector(options)).LoadAsync(problemDir);
        }
        catch (ProblemValidationException e)
        {
            return CliHost.Fail(e.Message);
        }
        catch (OptionsValidationException e)
        {
            return CliHost.Fail(string.Join("; ", e.Failures));
        }
        if (MlRunDefaults.Apply(settings, problem, overrides) is var adjusted && adjusted != settings)
        {
            settings = adjusted;
            config = config with { Tree = ConfigComposer.FromSettings(settings).Tree, Settings = settings };
        }
        using var cts = CliHost.CancelOnSignals(Console.Out);
        var runner = host.Services.GetRequiredService<IPythonRunner>(); // disposed with the host
        RunResult result;
        try
        {
            result = await RunExecutor.ExecuteAsync(config, problem, runDir, runner,
                host.Services.GetRequiredService<IOptions<PythonOptions>>().Value.Interpreter, logger, cts.Token);
        }
        catch (InvalidOperationException e)
        {
            logger.LogError("Run failed: {Reason}", e.Message);
            return CliHost.Fail(e.Message, 1);
        }
        if (result.Stopped)
        {
            Console.Error.WriteLine($"Stopped early; resume with: evolve output.run_dir={runDir} {string.Join(' ', overrides.Where(o => !o.StartsWith("output.run_dir=", StringComparison.Ordinal)))}");
            return 130;
        }
        return 0;
    }

    private static string? ResolveProblemDirectory(ProblemSettings problem)
    {
        if (problem.Dir is { } dir)
        {
            return Directory.Exists(dir) ? Path.GetFullPath(dir) : null;
        }
        if (problem.Name is { } name && GigaEvoPaths.FindProblemsDirectory() is { } root)
        {
            var candidate = Path.Combine(root, name);
            return Directory.Exists(candidate) ? candidate : null;
        }
        return null;
    }
}
