using System.Diagnostics;
using System.Globalization;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Infrastructure.Python;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Pipeline.Stages;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using GigaEvo.Core.Python;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Cli;

/// <summary>
/// <c>bench [n=N] [parallel=P] [modes=forkserver,process]</c>: evaluates N programs of a trivial problem and
/// of a numpy+sklearn problem through the full pipeline and, in the same run at the same parallelism, through
/// a baseline that spawns one interpreter per program to call entrypoint and validate directly.
/// </summary>
internal static class BenchCommand
{
    private static readonly string[] Problems = ["trivial", "sklearn_bench"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var unknown = args.Where(a => !a.Contains('=', StringComparison.Ordinal) || !new[] { "n", "parallel", "modes", "problems" }.Contains(a.Split('=')[0])).ToList();
        if (unknown.Count > 0)
        {
            return CliHost.Fail($"unknown bench argument(s): {string.Join(", ", unknown)}; valid: n=N parallel=P modes=forkserver,process problems=trivial,sklearn_bench");
        }
        var n = int.Parse(options.GetValueOrDefault("n", "100"), CultureInfo.InvariantCulture);
        var parallel = int.Parse(options.GetValueOrDefault("parallel", "2"), CultureInfo.InvariantCulture);
        var modes = options.GetValueOrDefault("modes", "forkserver,process").Split(',', StringSplitOptions.RemoveEmptyEntries);
        using var host = CliHost.Build();
        var pythonOptions = host.Services.GetRequiredService<IOptions<PythonOptions>>().Value;
        var loader = new ProblemLoader(new PythonCodeInspector(Options.Create(pythonOptions)));
        var root = GigaEvoPaths.RequireProblemsDirectory();
        Console.WriteLine($"bench: {n} programs per problem, parallelism {parallel}, interpreter {pythonOptions.Interpreter}");
        Console.WriteLine($"{"problem",-15} {"runner",-26} {"programs/s",10} {"ratio",8}");
        foreach (var name in options.GetValueOrDefault("problems", string.Join(',', Problems)).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var problem = await loader.LoadAsync(Path.Combine(root, name));
            var programs = Enumerable.Range(0, n)
                .Select(i => problem.InitialPrograms[i % problem.InitialPrograms.Count].Code + $"\n# bench program {i}\n").ToList();
            var baseline = await BaselineAsync(problem, programs, parallel, pythonOptions.Interpreter);
            Console.WriteLine($"{name,-15} {"baseline (spawn per prog)",-26} {baseline,10:F2} {1.0,8:F2}");
            foreach (var mode in modes)
            {
                var modeOptions = Options.Create(new PythonOptions { Interpreter = pythonOptions.Interpreter, Mode = mode, MemoryLimitMb = pythonOptions.MemoryLimitMb });
                await using IPythonRunner runner = mode == "process"
                    ? new ProcessPythonRunner(modeOptions, TimeProvider.System)
                    : new ForkServerPythonRunner(modeOptions, TimeProvider.System, host.Services.GetRequiredService<ILogger<ForkServerPythonRunner>>());
                // Warm-up pass (not timed): JIT and first-call costs of the .NET side, the fork servers' start.
                await PipelineAsync(problem, [.. programs.Take(30).Select(c => c + "# warm-up\n")], parallel, runner);
                var rate = await PipelineAsync(problem, programs, parallel, runner);
                Console.WriteLine($"{name,-15} {"pipeline (" + mode + ")",-26} {rate,10:F2} {rate / baseline,8:F2}");
            }
        }
        return 0;
    }

    private static async Task<double> PipelineAsync(ProblemDefinition problem, List<string> programs, int parallel, IPythonRunner runner)
    {
        var dir = Directory.CreateTempSubdirectory("gigaevo-bench-").FullName;
        try
        {
            var store = FileProgramStore.Open(Path.Combine(dir, "store"), "bench");
            foreach (var code in programs)
            {
                await store.AddAsync(new EvolvedProgram { Id = Guid.NewGuid(), Code = code, CreatedAt = DateTimeOffset.UtcNow, Lineage = new Lineage { MutationKind = "bench" } });
            }
            var env = new EvaluationEnvironment(problem, Path.Combine(dir, "ws"), await RunContext.EnsureAsync(problem, dir, runner, CancellationToken.None),
                new PipelineSettings(), runner);
            // No stage cache: every program is distinct anyway, and the comparison must be like for like.
            var evaluator = new ProgramEvaluator(store, new DagRunner(EvaluationPipeline.Build(env), null, 2, TimeProvider.System), parallel);
            var watch = Stopwatch.StartNew();
            var done = await evaluator.EvaluateFreshAsync(CancellationToken.None);
            var valid = (await store.GetAllAsync()).Count(p => p.IsValid);
            if (valid != programs.Count)
            {
                throw new InvalidOperationException($"bench: only {valid} of {programs.Count} programs were valid through the pipeline");
            }
            return done / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<double> BaselineAsync(ProblemDefinition problem, List<string> programs, int parallel, string interpreter)
    {
        var dir = Directory.CreateTempSubdirectory("gigaevo-baseline-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, programs.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
            {
                var path = Path.Combine(dir, $"program_{i}.py");
                await File.WriteAllTextAsync(path, programs[i], ct);
                var psi = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add(BaselineScript);
                psi.ArgumentList.Add(path);
                psi.ArgumentList.Add(problem.ValidatorPath);
                psi.ArgumentList.Add(problem.Directory);
                using var process = Process.Start(psi)!;
                var output = await process.StandardOutput.ReadToEndAsync(ct);
                await process.WaitForExitAsync(ct);
                if (process.ExitCode != 0 || !output.Contains("is_valid", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"baseline program {i} failed: {await process.StandardError.ReadToEndAsync(ct)}");
                }
            });
            return programs.Count / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const string BaselineScript = """
        import importlib.util, sys
        sys.path.insert(0, sys.argv[3])
        def load(path, name):
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
        output = load(sys.argv[1], "program").entrypoint()
        print(load(sys.argv[2], "validate").validate(output))
        """;
}
