using System.Diagnostics;
using System.Globalization;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.MachineLearning;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Cli;

/// <summary>
/// <c>ml-report [generations=10] [templates=a,b] [out=DIR]</c>: runs every ML template with the local operator
/// and prints baseline, best and hold-out metrics with the time taken. Exits 1 if a template ends below its baseline.
/// </summary>
internal static class MlReportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (KeyValueArgs.Parse(args, ["generations", "templates", "out", "seed"], out var error) is not { } parsed)
        {
            return CliHost.Fail(error!);
        }
        var generations = parsed.Number<int>("generations") ?? 10;
        var names = parsed.Get("templates")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [.. MlTemplateCatalog.All.Select(t => t.Name)];
        var unknown = names.Where(n => MlTemplateCatalog.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            return CliHost.Fail($"unknown template(s): {string.Join(", ", unknown)}; available: {string.Join(", ", MlTemplateCatalog.All.Select(t => t.Name))}");
        }
        var root = Path.GetFullPath(parsed.Get("out") ?? Path.Combine("outputs", "ml-report", DateTime.Now.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture)));
        using var host = CliHost.Build();
        var options = host.Services.GetRequiredService<IOptions<PythonOptions>>();
        var runner = host.Services.GetRequiredService<IPythonRunner>();
        var loader = new ProblemLoader(new PythonCodeInspector(options));
        var quiet = LoggerFactory.Create(b => b.AddFilter(_ => false)).CreateLogger("ml-report");
        Console.WriteLine($"ml-report: {generations} generations per template, local operator; runs under {root}");
        Console.WriteLine($"{"template",-15} {"metric",-10} {"dir",-6} {"baseline",10} {"best",10} {"hold-out",10} {"time",8}  verdict");
        var failures = 0;
        foreach (var template in names.Select(n => MlTemplateCatalog.Find(n)!))
        {
            var watch = Stopwatch.StartNew();
            var problemDir = Path.Combine(root, template.Name, "problem");
            await new MlTemplateService(options).CreateProblemAsync(template, problemDir);
            var problem = await loader.LoadAsync(problemDir);
            var config = ConfigComposer.Compose(GigaEvoPaths.RequirePresetsDirectory(),
                [$"problem.dir={problemDir}", $"max_generations={generations}", $"seed={parsed.Number<int>("seed") ?? 42}"]);
            var result = await RunExecutor.ExecuteAsync(config with { Settings = MlRunDefaults.Apply(config.Settings, problem, []) },
                problem, Path.Combine(root, template.Name, "run"), runner, options.Value.Interpreter, quiet, CancellationToken.None);
            var primary = problem.Primary;
            var best = result.Best?.Metrics[primary.Name];
            var holdout = result.Holdout?.Metrics?.GetValueOrDefault(primary.Name);
            var ok = best is { } b && result.BestInitialFitness is { } i && !primary.IsBetter(i, b);
            failures += ok ? 0 : 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{template.Name,-15} {primary.Name,-10} {(primary.HigherIsBetter ? "max" : "min"),-6} {result.BestInitialFitness,10:F4} {best,10:F4} {holdout,10:F4} {watch.Elapsed.TotalSeconds,7:F1}s  {(ok ? "ok" : "BELOW BASELINE")}"));
        }
        return failures == 0 ? 0 : 1;
    }
}
