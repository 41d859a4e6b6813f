using System.Globalization;
using System.Text.RegularExpressions;
using GigaEvo.Core.Evolution;
using GigaEvo.Core.Infrastructure.LocalFiles;
using GigaEvo.Core.Mutation;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;
using GigaEvo.Core.Python;
using GigaEvo.Tests.Integration.Cli;
using GigaEvo.Tests.Unit.Problems;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>A whole run in-process (real engine, real Python) with the LLM agent pointed at a fake server.</summary>
internal static partial class EngineHarness
{
    /// <summary>problems/trivial with only constant.py (X = 1.0; fitness 1 / (1 + (X - pi)^2)).</summary>
    public static async Task<ProblemDefinition> NearPiAsync()
    {
        var source = Path.Combine(CliProcess.RepoRoot, "problems", "trivial");
        var dir = Directory.CreateTempSubdirectory("gigaevo-nearpi-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "initial_programs"));
        foreach (var file in new[] { "metrics.yaml", "validate.py", "task_description.txt", Path.Combine("initial_programs", "constant.py") })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(dir, file));
        }
        return await LoaderHarness.CreateLoader().LoadAsync(dir);
    }

    public static async Task<(RunResult Result, string RunDir, IReadOnlyList<string> Log)> RunAsync(
        ProblemDefinition problem, FakeLlmServer server, IPythonRunner runner, IProgramStore? store = null, params string[] overrides)
    {
        var runDir = Directory.CreateTempSubdirectory("gigaevo-llm-run-").FullName;
        var settings = AgentHarness.Settings(server, ["max_parallel_programs=2", .. overrides]);
        var logger = new ListLogger();
        var mutator = MutationOperators.Create(settings, problem, logger, _ => null);
        try
        {
            var engine = new EvolutionEngine(settings, problem, store ?? FileProgramStore.Open(Path.Combine(runDir, "store"), "run"), runner, mutator, runDir, TimeProvider.System, logger);
            var result = await engine.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(4));
            RunOutputs.Write(runDir, result, problem);
            return (result, runDir, logger.Lines);
        }
        finally
        {
            (mutator as IDisposable)?.Dispose();
        }
    }

    /// <summary>The X of the parent program in a mutation prompt.</summary>
    public static double ParentX(FakeLlmRequest request) =>
        double.Parse(XLine().Match(request.LastUser).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>A diff that sets the parent's X to <paramref name="next"/>.</summary>
    public static FakeLlmReply SetX(FakeLlmRequest request, double next) =>
        new(AgentHarness.Diff($"X = {Show(ParentX(request))}", $"X = {Show(next)}", $"X to {Show(next)}"));

    public static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture) + (x == Math.Floor(x) ? ".0" : "");

    public static bool IsInsights(FakeLlmRequest request) => request.System.Contains("You review programs", StringComparison.Ordinal);

    [GeneratedRegex(@"^X = ([0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex XLine();
}

/// <summary>Keeps every log line (formatted) for assertions.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add(formatter(state, exception));
        }
    }
}
